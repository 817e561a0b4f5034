package org.mezite.auth.internal.join;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.NodeRegistration;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.Node;
import org.mezite.api.store.NodeRepository;
import org.mezite.api.store.NotFoundException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The nodes table seen through liveness: a node is online while its heartbeats are recent. */
@Component(service = NodeRegistry.class)
public final class NodeRegistryService implements NodeRegistry {

    /** How often agents send a heartbeat. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    /** A node is offline after this many intervals without a heartbeat. */
    static final int MISSED_HEARTBEATS = 3;

    private final NodeRepository nodes;
    private final JoinAudit audit;
    private final Clock clock;
    private final Duration interval;

    @Activate
    public NodeRegistryService(@Reference(name = "nodes") NodeRepository nodes,
            @Reference(name = "audit") AuditRecorder audit) {
        this(nodes, audit, Clock.systemUTC(), HEARTBEAT_INTERVAL);
    }

    NodeRegistryService(NodeRepository nodes, AuditRecorder audit, Clock clock, Duration interval) {
        this.nodes = nodes;
        this.audit = new JoinAudit(audit, clock);
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public Duration heartbeatInterval() {
        return interval;
    }

    @Override
    public RegisteredNode register(NodeRegistration registration) {
        Node node = nodes.register(registration.id(), registration.name(), registration.address(),
                registration.labels());
        Instant now = clock.instant();
        nodes.heartbeat(node.id(), node.tunnelId(), now);
        return view(new Node(node.id(), node.hostname(), node.addr(), node.labels(), node.tunnelId(), now,
                node.createdAt()), now);
    }

    /** Keeps the tunnel the node is known by: Auth's heartbeats say the node lives, not through which tunnel. */
    @Override
    public void heartbeat(String nodeId) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> new NotFoundException("node " + nodeId
                + " does not exist"));
        nodes.heartbeat(nodeId, node.tunnelId(), clock.instant());
    }

    @Override
    public Optional<RegisteredNode> find(String nodeId) {
        Instant now = clock.instant();
        return nodes.findById(nodeId).map(node -> view(node, now));
    }

    @Override
    public List<RegisteredNode> list() {
        Instant now = clock.instant();
        return nodes.list().stream().map(node -> view(node, now)).toList();
    }

    @Override
    public boolean remove(String nodeId, String actor) {
        Optional<Node> node = nodes.findById(nodeId);
        if (node.isEmpty() || !nodes.delete(nodeId)) {
            return false;
        }
        audit.adminAction(JoinAudit.NODE_DELETE, actor, "node/" + nodeId,
                new AuditDetails().put("node_id", nodeId).put("node_name", node.get().hostname()));
        return true;
    }

    private RegisteredNode view(Node node, Instant now) {
        return new RegisteredNode(node.id(), node.hostname(), node.addr(), node.labels(), node.lastHeartbeat(),
                node.createdAt(), isOnline(node.lastHeartbeat(), now));
    }

    /** Online unless the last heartbeat is older than three intervals (or there was none). */
    private boolean isOnline(Instant lastHeartbeat, Instant now) {
        return lastHeartbeat != null
                && !lastHeartbeat.isBefore(now.minus(interval.multipliedBy(MISSED_HEARTBEATS)));
    }
}
