package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mezite.api.tunnel.NodeOfflineException;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelException;

/** Tunnels as the test wires them: each connected node's SSH server is a socket on loopback. */
final class FakeNodeTunnels implements NodeTunnels {

    record Dial(String nodeId, String clientAddress) {
    }

    private final Map<String, InetSocketAddress> endpoints = new ConcurrentHashMap<>();
    private final List<Dial> dials = new CopyOnWriteArrayList<>();

    void connect(String nodeId, InetSocketAddress endpoint) {
        endpoints.put(nodeId, endpoint);
    }

    List<Dial> dials() {
        return List.copyOf(dials);
    }

    @Override
    public boolean isConnected(String nodeId) {
        return endpoints.containsKey(nodeId);
    }

    @Override
    public Set<String> connectedNodes() {
        return Set.copyOf(endpoints.keySet());
    }

    @Override
    public CompletableFuture<TunnelConnection> dial(String nodeId, String clientAddress) {
        dials.add(new Dial(nodeId, clientAddress));
        InetSocketAddress endpoint = endpoints.get(nodeId);
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new NodeOfflineException("node " + nodeId + " has no tunnel"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new SocketTunnelConnection(new Socket(endpoint.getAddress(), endpoint.getPort()));
            } catch (IOException e) {
                throw new TunnelException("the agent could not dial its SSH server: " + e.getMessage(), e);
            }
        });
    }
}
