package org.mezite.admin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.NodeAdmin;
import org.mezite.api.admin.NodeInfo;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.tunnel.NodeTunnels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Registered nodes; {@link NodeRegistry} audits each removal as {@code node.delete}. */
@Component(service = NodeAdmin.class)
public final class NodeAdminService implements NodeAdmin {

    private final NodeRegistry registry;
    private final AdminAccess access;

    /** The proxy's tunnels; absent on a hub that runs no proxy, where no node has a tunnel here. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile NodeTunnels tunnels;

    @Activate
    public NodeAdminService(@Reference(name = "registry") NodeRegistry registry,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(registry, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    NodeAdminService(NodeRegistry registry, AdminAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @Override
    public List<NodeInfo> list(Caller caller) {
        access.check(caller, Rules.NODE, Rules.LIST, null);
        NodeTunnels current = tunnels;
        return registry.list().stream().sorted(Comparator.comparing(RegisteredNode::name))
                .map(node -> new NodeInfo(node, current != null && current.isConnected(node.id()))).toList();
    }

    @Override
    public void remove(Caller caller, String idOrName) {
        access.check(caller, Rules.NODE, Rules.DELETE, idOrName);
        String id = resolve(idOrName);
        if (!registry.remove(id, caller.name())) {
            throw notFound(idOrName);
        }
    }

    @Override
    public List<String> removeStale(Caller caller, Duration age) {
        access.check(caller, Rules.NODE, Rules.DELETE, null);
        if (age == null || age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("stale age: must be longer than 0, got " + age);
        }
        Instant cutoff = access.now().minus(age);
        List<String> removed = new ArrayList<>();
        for (RegisteredNode node : registry.list()) {
            Instant seen = node.lastHeartbeat() != null ? node.lastHeartbeat() : node.joinedAt();
            if ((seen == null || seen.isBefore(cutoff)) && registry.remove(node.id(), caller.name())) {
                removed.add(node.name());
            }
        }
        return removed;
    }

    /** The id of the node with this id, else of the one node with this name. */
    private String resolve(String idOrName) {
        if (idOrName == null) {
            throw notFound(null);
        }
        if (registry.find(idOrName).isPresent()) {
            return idOrName;
        }
        List<RegisteredNode> named = registry.list().stream().filter(n -> n.name().equals(idOrName)).toList();
        if (named.isEmpty()) {
            throw notFound(idOrName);
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("node name " + AuditDetails.quote(idOrName) + " is not unique ("
                    + named.stream().map(RegisteredNode::id).collect(Collectors.joining(", "))
                    + "): give the node's id");
        }
        return named.get(0).id();
    }

    private static NotFoundException notFound(String idOrName) {
        return new NotFoundException("node " + AuditDetails.quote(String.valueOf(idOrName)) + " does not exist");
    }
}
