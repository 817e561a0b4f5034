package org.mezite.tunnel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.tunnel.NodeOfflineException;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelException;
import org.mezite.proto.tunnel.v1.DialRequest;
import org.mezite.proto.tunnel.v1.DialTarget;
import org.mezite.proto.tunnel.v1.Heartbeat;
import org.mezite.proto.tunnel.v1.ProxyHello;
import org.mezite.proto.tunnel.v1.ProxyMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Timestamp;

import io.grpc.Status;

/**
 * The tunnels agents hold to this proxy, one current per node, and the dials through them. A timer sends every
 * tunnel a heartbeat each period, drops tunnels that stayed silent for three periods or whose certificate expired,
 * and now and then drops those of nodes removed from the cluster.
 */
final class Tunnels implements NodeTunnels, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tunnels.class);

    private final ConcurrentHashMap<String, ProxyTunnel> byNode = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, PendingDial> pending = new ConcurrentHashMap<>();
    private final AtomicLong connectionIds = new AtomicLong();
    private final NodeRegistry registry;
    private final String clusterName;
    private final String proxyId;
    private final TunnelTimings timings;
    private final Clock clock;
    private final LongSupplier ticks;
    private final ScheduledExecutorService timer;
    private long lastRegistryCheck;

    Tunnels(NodeRegistry registry, String clusterName, String proxyId, TunnelTimings timings, Clock clock) {
        this.registry = registry;
        this.clusterName = clusterName;
        this.proxyId = proxyId;
        this.timings = timings;
        this.clock = clock;
        this.ticks = System::nanoTime;
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("proxy-tunnel-timer-"));
        this.lastRegistryCheck = ticks.getAsLong();
        long period = timings.heartbeat().toNanos();
        timer.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isConnected(String nodeId) {
        return nodeId != null && byNode.containsKey(nodeId);
    }

    @Override
    public Set<String> connectedNodes() {
        return Set.copyOf(byNode.keySet());
    }

    @Override
    public CompletableFuture<TunnelConnection> dial(String nodeId, String clientAddress) {
        ProxyTunnel tunnel = nodeId == null ? null : byNode.get(nodeId);
        if (tunnel == null) {
            return CompletableFuture.failedFuture(offline(nodeId));
        }
        long id = connectionIds.incrementAndGet();
        CompletableFuture<TunnelConnection> result = new CompletableFuture<>();
        ScheduledFuture<?> timeout;
        try {
            timeout = timer.schedule(() -> expire(id), timings.dialTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new TunnelException("the proxy is stopping"));
        }
        pending.put(id, new PendingDial(id, tunnel, result, timeout));
        boolean sent = tunnel.send(ProxyMessage.newBuilder().setDial(DialRequest.newBuilder()
                .setConnectionId(id)
                .setTarget(DialTarget.DIAL_TARGET_NODE_SSH)
                .setClientAddress(clientAddress == null ? "" : clientAddress)).build());
        if (!sent) {
            fail(id, offline(nodeId));
        }
        return result;
    }

    private static NodeOfflineException offline(String nodeId) {
        return new NodeOfflineException("node " + nodeId + " is offline: it has no tunnel to this proxy");
    }

    private void expire(long id) {
        PendingDial dial = pending.get(id);
        if (dial != null) {
            fail(id, new TunnelException(dial.tunnel().describe() + " did not answer the dial within "
                    + timings.dialTimeout().toSeconds() + " s"));
        }
    }

    private void fail(long id, TunnelException cause) {
        PendingDial dial = pending.remove(id);
        if (dial != null) {
            dial.timeout().cancel(false);
            dial.result().completeExceptionally(cause);
        }
    }

    /** The agent of {@code from} could not dial. */
    void dialFailed(ProxyTunnel from, long id, String error) {
        PendingDial dial = pending.get(id);
        if (dial != null && dial.tunnel().nodeId().equals(from.nodeId())) {
            fail(id, new TunnelException(from.describe() + " could not connect to its SSH server: " + error));
        }
    }

    /**
     * Takes the dial that a data stream of {@code nodeId} answers, or {@code null} when there is none (it timed out,
     * was answered already or is another node's).
     */
    PendingDial claim(String nodeId, long id) {
        PendingDial dial = pending.get(id);
        if (dial == null || !dial.tunnel().nodeId().equals(nodeId) || !pending.remove(id, dial)) {
            return null;
        }
        dial.timeout().cancel(false);
        return dial;
    }

    /** A control stream said hello: it is the node's tunnel from now on. */
    void opened(ProxyTunnel tunnel) {
        ProxyTunnel previous = byNode.put(tunnel.nodeId(), tunnel);
        if (previous != null && previous != tunnel) {
            LOG.info("{} opened a new tunnel, which replaces its old one", tunnel.describe());
            previous.replace();
        }
        if (tunnel.hasEnded()) {
            byNode.remove(tunnel.nodeId(), tunnel);
        }
    }

    /**
     * A control stream ended.
     *
     * @param current false when a newer tunnel had replaced it
     */
    void ended(ProxyTunnel tunnel, boolean current, String why) {
        if (byNode.remove(tunnel.nodeId(), tunnel)) {
            LOG.info("{} is offline: {}", tunnel.describe(), why);
        }
        if (current) {
            pending.values().stream().filter(dial -> dial.tunnel() == tunnel).map(PendingDial::id).toList()
                    .forEach(id -> fail(id, new TunnelException("the tunnel to " + tunnel.describe()
                            + " closed before it answered the dial: " + why)));
        }
    }

    /** The node's current tunnel, or {@code null}. */
    ProxyTunnel current(String nodeId) {
        return byNode.get(nodeId);
    }

    Optional<RegisteredNode> registered(String nodeId) {
        return registry.find(nodeId);
    }

    String clusterName() {
        return clusterName;
    }

    ProxyMessage proxyHello() {
        return ProxyMessage.newBuilder().setHello(ProxyHello.newBuilder().setProxyId(proxyId)
                .setHeartbeatSeconds((int) Math.max(1, timings.heartbeat().toSeconds()))).build();
    }

    long ticks() {
        return ticks.getAsLong();
    }

    private void sweep() {
        try {
            long now = ticks.getAsLong();
            Instant wallClock = clock.instant();
            ProxyMessage heartbeat = ProxyMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                    .setSentAt(Timestamp.newBuilder().setSeconds(wallClock.getEpochSecond())
                            .setNanos(wallClock.getNano()))).build();
            for (ProxyTunnel tunnel : List.copyOf(byNode.values())) {
                Duration silent = Duration.ofNanos(now - tunnel.lastHeard());
                if (silent.compareTo(timings.silenceLimit()) > 0) {
                    tunnel.end(Status.UNAVAILABLE, "no heartbeat from the agent for " + silent.toSeconds() + " s");
                } else if (wallClock.isAfter(tunnel.certificateExpires())) {
                    tunnel.end(Status.UNAUTHENTICATED, "the node's certificate expired at "
                            + tunnel.certificateExpires());
                } else {
                    tunnel.send(heartbeat);
                }
            }
            if (now - lastRegistryCheck >= timings.registryCheck().toNanos()) {
                lastRegistryCheck = now;
                dropRemovedNodes();
            }
        } catch (RuntimeException e) {
            LOG.warn("tunnel heartbeat check failed: {}", e.toString());
        }
    }

    private void dropRemovedNodes() {
        if (byNode.isEmpty()) {
            return;
        }
        Set<String> registered;
        try {
            registered = registry.list().stream().map(RegisteredNode::id).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            LOG.debug("cannot list the registered nodes: {}", e.getMessage());
            return;
        }
        for (ProxyTunnel tunnel : List.copyOf(byNode.values())) {
            if (!registered.contains(tunnel.nodeId())) {
                tunnel.end(Status.PERMISSION_DENIED, "node " + tunnel.nodeId() + " was removed from cluster "
                        + clusterName);
            }
        }
    }

    /** Ends every tunnel and dial, for a proxy that stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        for (ProxyTunnel tunnel : List.copyOf(byNode.values())) {
            tunnel.end(Status.UNAVAILABLE, "the proxy is stopping");
        }
        List.copyOf(pending.keySet()).forEach(id -> fail(id, new TunnelException("the proxy is stopping")));
    }
}
