package org.mezite.auth.internal.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.store.Node;
import org.mezite.api.store.NodeRepository;
import org.mezite.api.store.NotFoundException;

/** The nodes table in memory. */
public class InMemoryNodeRepository implements NodeRepository {

    private final Map<String, Node> rows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryNodeRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Node register(String id, String hostname, String addr, Map<String, String> labels) {
        Node old = rows.get(id);
        Node node = old == null ? new Node(id, hostname, addr, labels, null, null, clock.instant())
                : new Node(id, hostname, addr, labels, old.tunnelId(), old.lastHeartbeat(), old.createdAt());
        rows.put(id, node);
        return node;
    }

    @Override
    public synchronized void heartbeat(String id, String tunnelId, Instant at) {
        Node old = rows.get(id);
        if (old == null) {
            throw new NotFoundException("node " + id + " does not exist");
        }
        rows.put(id, new Node(id, old.hostname(), old.addr(), old.labels(), tunnelId, at, old.createdAt()));
    }

    @Override
    public Optional<Node> findById(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public List<Node> findByHostname(String hostname) {
        return list().stream().filter(n -> n.hostname().equals(hostname)).toList();
    }

    @Override
    public List<Node> list() {
        return rows.values().stream().sorted(Comparator.comparing(Node::hostname).thenComparing(Node::id)).toList();
    }

    @Override
    public List<Node> listSeenSince(Instant since) {
        return list().stream().filter(n -> n.lastHeartbeat() != null && !n.lastHeartbeat().isBefore(since)).toList();
    }

    @Override
    public boolean delete(String id) {
        return rows.remove(id) != null;
    }
}
