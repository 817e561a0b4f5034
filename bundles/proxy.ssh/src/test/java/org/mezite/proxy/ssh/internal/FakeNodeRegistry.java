package org.mezite.proxy.ssh.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mezite.api.join.NodeRegistration;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;

/** The nodes that joined, in memory. */
final class FakeNodeRegistry implements NodeRegistry {

    private final List<RegisteredNode> nodes = new CopyOnWriteArrayList<>();

    RegisteredNode add(String id, String name, String address, Map<String, String> labels) {
        RegisteredNode node = new RegisteredNode(id, name, address, labels, Instant.now(), Instant.now(), true);
        nodes.add(node);
        return node;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(30);
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
        return nodes.stream().filter(node -> node.id().equals(nodeId)).findFirst();
    }

    @Override
    public List<RegisteredNode> list() {
        List<RegisteredNode> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparing(RegisteredNode::name));
        return sorted;
    }

    @Override
    public boolean remove(String nodeId, String actor) {
        return nodes.removeIf(node -> node.id().equals(nodeId));
    }
}
