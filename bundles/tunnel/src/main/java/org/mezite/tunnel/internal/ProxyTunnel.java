package org.mezite.tunnel.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.join.RegisteredNode;
import org.mezite.ca.tls.ClusterPeer;
import org.mezite.proto.tunnel.v1.AgentHello;
import org.mezite.proto.tunnel.v1.AgentMessage;
import org.mezite.proto.tunnel.v1.ProxyMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One agent's control stream, from the proxy's side: takes its hello, heartbeats and failed dial results, sends it
 * dial requests and heartbeats, and holds the connections dialled through it. While it is the node's current tunnel,
 * its end takes the node offline and ends those connections; once a newer control stream from the same node has
 * replaced it, its connections are left to finish on their own streams (an agent moving to a renewed certificate
 * keeps its sessions).
 */
final class ProxyTunnel implements StreamObserver<AgentMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyTunnel.class);

    private final Tunnels tunnels;
    private final ClusterPeer peer;
    private final String clientAddress;
    private final ServerCallStreamObserver<ProxyMessage> out;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile long lastHeard;
    private volatile AgentHello hello;
    // guarded by this
    private boolean ended;
    private boolean replaced;

    ProxyTunnel(Tunnels tunnels, ClusterPeer peer, String clientAddress, ServerCallStreamObserver<ProxyMessage> out) {
        this.tunnels = tunnels;
        this.peer = peer;
        this.clientAddress = clientAddress;
        this.out = out;
        this.lastHeard = tunnels.ticks();
        out.setOnCancelHandler(() -> end(null, "the agent's stream was cancelled"));
    }

    /** The node id, from the client certificate. */
    String nodeId() {
        return peer.commonName();
    }

    /** When the certificate the agent connected with expires. */
    Instant certificateExpires() {
        return peer.expires();
    }

    /** {@code node-01 (id)}, or just the id before the hello. */
    String describe() {
        AgentHello said = hello;
        return said == null ? "node " + nodeId() : "node " + said.getNodeName() + " (" + nodeId() + ")";
    }

    /** When the agent was last heard from, in {@link Tunnels#ticks()}. */
    long lastHeard() {
        return lastHeard;
    }

    @Override
    public void onNext(AgentMessage message) {
        lastHeard = tunnels.ticks();
        if (hasEnded()) {
            return;
        }
        if (hello == null) {
            greet(message);
            return;
        }
        switch (message.getMessageCase()) {
            case DIAL_RESULT -> tunnels.dialFailed(this, message.getDialResult().getConnectionId(),
                    message.getDialResult().getError());
            case HEARTBEAT, MESSAGE_NOT_SET -> {
                // heard from it: that is all a heartbeat says
            }
            case HELLO -> end(Status.INVALID_ARGUMENT, "the agent sent a second hello");
        }
    }

    private void greet(AgentMessage message) {
        if (!message.hasHello()) {
            refuse(Status.INVALID_ARGUMENT, "the first message on the control stream must be an AgentHello");
            return;
        }
        AgentHello said = message.getHello();
        if (!said.getNodeId().equals(nodeId())) {
            refuse(Status.PERMISSION_DENIED, "the hello names node " + said.getNodeId()
                    + ", but the client certificate is node " + nodeId() + "'s");
            return;
        }
        RegisteredNode registered;
        try {
            registered = tunnels.registered(nodeId()).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("cannot look up node {} for its tunnel: {}", nodeId(), e.getMessage());
            refuse(Status.UNAVAILABLE, "the proxy cannot check the node's registration now; try again later");
            return;
        }
        if (registered == null) {
            refuse(Status.PERMISSION_DENIED, "node " + nodeId() + " is not registered in cluster "
                    + tunnels.clusterName() + " (was it removed?); join it again with a new token");
            return;
        }
        hello = said;
        if (!send(tunnels.proxyHello())) {
            return;
        }
        tunnels.opened(this);
        LOG.info("{} opened its tunnel from {} (mezd {})", describe(), clientAddress, said.getVersion());
    }

    private void refuse(Status status, String why) {
        LOG.warn("refused a tunnel from {} ({}): {}", clientAddress, peer, why);
        end(status, why);
    }

    @Override
    public void onError(Throwable t) {
        end(null, "the agent's stream broke: " + Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
        end(Status.OK, "the agent closed its tunnel");
    }

    /** Sends a message to the agent; false once the stream has ended. */
    boolean send(ProxyMessage message) {
        synchronized (this) {
            if (ended) {
                return false;
            }
            try {
                out.onNext(message);
                return true;
            } catch (StatusRuntimeException | IllegalStateException e) {
                // cancelled meanwhile: the cancel handler ends the tunnel
                return false;
            }
        }
    }

    /**
     * Ends the control stream; idempotent.
     *
     * @param status what to close the call with, or {@code null} when it is already gone
     * @param why    for the log and for the agent
     */
    void end(Status status, String why) {
        boolean current;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            current = !replaced;
        }
        // offline before the agent hears why, so that no dial goes to a tunnel that is closing
        if (hello != null) {
            tunnels.ended(this, current, why);
        }
        synchronized (this) {
            if (status != null && !out.isCancelled()) {
                try {
                    if (status.isOk()) {
                        out.onCompleted();
                    } else {
                        out.onError(status.withDescription(why).asRuntimeException());
                    }
                } catch (RuntimeException e) {
                    // cancelled meanwhile
                }
            }
        }
        if (current) {
            connections.forEach(connection -> connection.abort("the tunnel to " + describe() + " closed: " + why));
        }
    }

    /** A newer control stream from the same node took over: ends this one but leaves its connections running. */
    void replace() {
        synchronized (this) {
            replaced = true;
        }
        end(Status.ABORTED, "a newer tunnel from the same node replaced this one");
    }

    /** Tracks a connection dialled through this tunnel; false when the tunnel has ended (the caller aborts it). */
    boolean attach(ProxyConnection connection) {
        synchronized (this) {
            if (ended && !replaced) {
                return false;
            }
            connections.add(connection);
            return true;
        }
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    void detach(ProxyConnection connection) {
        connections.remove(connection);
    }

    /** The connections open now, for tests and status. */
    List<ProxyConnection> connections() {
        return List.copyOf(connections);
    }
}
