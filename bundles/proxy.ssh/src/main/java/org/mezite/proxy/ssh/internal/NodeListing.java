package org.mezite.proxy.ssh.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.tunnel.NodeTunnels;

/**
 * What {@code ls} prints: the nodes the user may reach (with some login) that carry the asked labels, sorted by name,
 * as a JSON array of {@code {"id","name","address","labels","online"}}, where online means the node has a tunnel to
 * this proxy now.
 */
final class NodeListing {

    private final NodeRegistry registry;
    private final AccessChecker access;
    private final NodeTunnels tunnels;

    NodeListing(NodeRegistry registry, AccessChecker access, NodeTunnels tunnels) {
        this.registry = registry;
        this.access = access;
        this.tunnels = tunnels;
    }

    String json(SshUser user, LabelFilter filter) {
        Predicate<RegisteredNode> reachable = node -> access.checkLogin(user, null,
                new SshTarget(node.id(), node.name(), node.labels())).allowed();
        List<RegisteredNode> nodes = registry.list().stream()
                .filter(node -> filter.matches(node.labels()))
                .filter(reachable)
                .sorted(Comparator.comparing(RegisteredNode::name).thenComparing(RegisteredNode::id))
                .toList();
        StringBuilder json = new StringBuilder("[");
        String separator = "";
        for (RegisteredNode node : nodes) {
            json.append(separator).append("\n  {\"id\":").append(AuditDetails.quote(node.id()))
                    .append(",\"name\":").append(AuditDetails.quote(node.name()))
                    .append(",\"address\":").append(node.address() == null ? "null" : AuditDetails.quote(node.address()))
                    .append(",\"labels\":{");
            String labelSeparator = "";
            for (Map.Entry<String, String> label : node.labels().entrySet()) {
                json.append(labelSeparator).append(AuditDetails.quote(label.getKey())).append(':')
                        .append(AuditDetails.quote(label.getValue()));
                labelSeparator = ",";
            }
            json.append("},\"online\":").append(tunnels.isConnected(node.id())).append('}');
            separator = ",";
        }
        return json.append(nodes.isEmpty() ? "]\n" : "\n]\n").toString();
    }
}
