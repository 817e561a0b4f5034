package org.mezite.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.join.NodeRegistration;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;

/** A node registry over a map; removals are noted with who asked. */
final class KnownNodes implements NodeRegistry {

    final Map<String, RegisteredNode> nodes = new LinkedHashMap<>();
    final List<String> removed = new ArrayList<>();

    KnownNodes add(String id, String name, Instant lastHeartbeat) {
        nodes.put(id, new RegisteredNode(id, name, "10.0.0.1", Map.of("env", "dev"), lastHeartbeat,
                lastHeartbeat == null ? null : lastHeartbeat.minusSeconds(3600), lastHeartbeat != null));
        return this;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(10);
    }

    @Override
    public RegisteredNode register(NodeRegistration registration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void heartbeat(String nodeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RegisteredNode> find(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    @Override
    public List<RegisteredNode> list() {
        return List.copyOf(nodes.values());
    }

    @Override
    public boolean remove(String nodeId, String actor) {
        if (nodes.remove(nodeId) == null) {
            return false;
        }
        removed.add(nodeId + " by " + actor);
        return true;
    }
}
