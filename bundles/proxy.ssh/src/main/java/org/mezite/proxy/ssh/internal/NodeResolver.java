package org.mezite.proxy.ssh.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;

/**
 * Finds the node a user names: by id, or by name, either possibly followed by {@code .CLUSTER} (the names msh's
 * known_hosts vouches for). Names are not unique; a name several nodes share is refused, naming their ids.
 */
final class NodeResolver {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final NodeRegistry registry;
    private final String clusterName;
    private final String clusterSuffix;

    NodeResolver(NodeRegistry registry, String clusterName) {
        this.registry = registry;
        this.clusterName = clusterName;
        this.clusterSuffix = "." + clusterName.toLowerCase(Locale.ROOT);
    }

    /** @throws RouteRefusedException when no node or several nodes answer to the name */
    RegisteredNode resolve(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(clusterSuffix) && name.length() > clusterSuffix.length()) {
            name = name.substring(0, name.length() - clusterSuffix.length());
        }
        if (UUID.matcher(name).matches()) {
            Optional<RegisteredNode> byId = registry.find(name);
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<RegisteredNode> nodes = registry.list();
        RegisteredNode found = match(nodes, host.toLowerCase(Locale.ROOT), host);
        if (found == null && !name.equals(host.toLowerCase(Locale.ROOT))) {
            found = match(nodes, name, host);
        }
        if (found == null) {
            throw new RouteRefusedException("no node \"" + host + "\" in cluster \"" + clusterName
                    + "\" (msh ls lists the nodes you can reach)");
        }
        return found;
    }

    /** The node with this id, else the only node with this name, else {@code null}. */
    private static RegisteredNode match(List<RegisteredNode> nodes, String name, String asked) {
        List<RegisteredNode> named = new ArrayList<>();
        for (RegisteredNode node : nodes) {
            if (node.id().equalsIgnoreCase(name)) {
                return node;
            }
            if (node.name().equalsIgnoreCase(name)) {
                named.add(node);
            }
        }
        if (named.size() > 1) {
            List<String> ids = named.stream().map(RegisteredNode::id).sorted().toList();
            throw new RouteRefusedException("node name \"" + asked + "\" is ambiguous: nodes " + String.join(", ", ids)
                    + " have it; connect by node id");
        }
        return named.isEmpty() ? null : named.get(0);
    }
}
