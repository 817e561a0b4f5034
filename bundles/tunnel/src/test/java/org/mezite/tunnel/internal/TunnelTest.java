package org.mezite.tunnel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.node.NodeCredentials;
import org.mezite.api.store.CaType;
import org.mezite.api.tunnel.NodeOfflineException;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelException;

import io.grpc.Status;

/**
 * The tunnel end to end in one JVM: the proxy's server and the agent's client over real TLS on 127.0.0.1, with
 * certificates from real cluster CAs, and a stand-in for the node's SSH server behind the agent.
 */
class TunnelTest {

    private static final long PATIENCE_SECONDS = 60;
    private static final ReconnectPolicy QUICK_RECONNECT = new ReconnectPolicy(Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(20));

    private final TestCluster cluster = new TestCluster();
    private final RecordingBundleContext bundle = new RecordingBundleContext();
    private final List<TunnelClient> agents = new ArrayList<>();
    private final List<TunnelServer> servers = new ArrayList<>();
    private FakeSshServer sshd;

    @BeforeEach
    void startSshd() throws IOException {
        sshd = new FakeSshServer();
    }

    @AfterEach
    void stopEverything() throws IOException {
        agents.forEach(TunnelClient::deactivate);
        servers.forEach(TunnelServer::deactivate);
        sshd.close();
    }

    @Test
    void bytesFlowBothWaysIntactThroughTheTunnel() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());

        TunnelConnection connection = dial(node.nodeId(), "echo");
        Collector echoed = Collector.eager();
        connection.start(echoed);
        byte[] sent = randomBytes(8 * 1024 * 1024 + 123);
        write(connection, sent, 40_000);
        connection.shutdownOutput();

        echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(echoed.received()).isEqualTo(sent.length);
        assertThat(echoed.sha256()).isEqualTo(sha256(sent));
        assertThat(sshd.connects()).singleElement().satisfies(connect -> {
            assertThat(connect.clientAddress()).isEqualTo("echo");
            assertThat(connect.proxyId()).isNotEmpty();
        });
    }

    @Test
    void writesLargerThanAFrameAreSplitAndArriveWhole() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());

        TunnelConnection connection = dial(node.nodeId(), "echo");
        Collector echoed = Collector.eager();
        connection.start(echoed);
        byte[] sent = randomBytes(3 * DataPath.MAX_CHUNK + 17);
        connection.write(ByteBuffer.wrap(sent)).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        connection.shutdownOutput();

        echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(echoed.sha256()).isEqualTo(sha256(sent));
    }

    @Test
    void aStalledReaderHoldsBackOnlyItsOwnConnection() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());

        // the node floods a user who reads nothing
        TunnelConnection flooded = dial(node.nodeId(), "source");
        Collector stalled = Collector.stalled();
        flooded.start(stalled);
        stalled.firstBytes.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        // and the proxy writes to a node that reads nothing, as fast as the tunnel takes it
        TunnelConnection ignored = dial(node.nodeId(), "blackhole");
        ignored.start(Collector.eager());
        AtomicLong accepted = new AtomicLong();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeForever(ignored, accepted));

        // another connection of the same node still carries many windows' worth both ways
        TunnelConnection other = dial(node.nodeId(), "echo");
        Collector echoed = Collector.eager();
        other.start(echoed);
        byte[] sent = randomBytes(32 * 1024 * 1024);
        write(other, sent, 64 * 1024);
        other.shutdownOutput();
        echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(echoed.sha256()).isEqualTo(sha256(sent));
        assertThat(stalled.received()).isLessThanOrEqualTo(DataPath.MAX_CHUNK);
        // what the tunnel took toward the node that reads nothing is bounded by windows and socket buffers
        assertThat(writer).isNotDone();
        assertThat(accepted.get()).isLessThan(64L * 1024 * 1024);
        assertThat(sshd.sourced()).isGreaterThan(DataPath.STREAM_WINDOW);
    }

    @Test
    void aSlowReaderGetsEverythingOnceItCatchesUp() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());

        TunnelConnection connection = dial(node.nodeId(), "echo");
        SlowReader slow = new SlowReader();
        connection.start(slow);
        byte[] sent = randomBytes(6 * 1024 * 1024);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            write(connection, sent, 32 * 1024);
            connection.shutdownOutput();
        });
        slow.drain();
        writing.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        slow.collector.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(slow.collector.sha256()).isEqualTo(sha256(sent));
    }

    @Test
    void theNodeCanEndItsDirectionFirstAndTheProxyStillSends() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());

        TunnelConnection connection = dial(node.nodeId(), "bytes:100000");
        Collector received = Collector.eager();
        connection.start(received);
        received.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(received.received()).isEqualTo(100_000);

        connection.write(ByteBuffer.wrap("after the node's EOF".getBytes())).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        connection.shutdownOutput();
        await("the node to see the proxy's EOF", () -> ((Tunnels) tunnels()).current(node.nodeId()).connections()
                .isEmpty());
    }

    @Test
    void stoppingBothEndsLeavesNoThreadBehind() throws Exception {
        TunnelServer server = startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        TunnelClient agent = startAgent(node);
        awaitConnected(node.nodeId());
        TunnelConnection connection = dial(node.nodeId(), "echo");
        connection.start(Collector.eager());
        write(connection, "some bytes".getBytes(), 64);

        agents.remove(agent);
        agent.deactivate();
        stop(server);

        await("the tunnel's threads to end", () -> Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).noneMatch(name -> name.startsWith("mezd-tunnel")
                        || name.startsWith("proxy-tunnel")));
    }

    @Test
    void dialToANodeWithoutTunnelFailsAsOffline() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());

        assertThat(tunnels().isConnected(node.nodeId())).isFalse();
        assertThatThrownBy(() -> tunnels().dial(node.nodeId(), "192.0.2.7:51234").get(PATIENCE_SECONDS,
                TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(NodeOfflineException.class)
                .hasMessage("node " + node.nodeId() + " is offline: it has no tunnel to this proxy");
        assertThatThrownBy(() -> tunnels().dial("no-such-node", "192.0.2.7:51234").join())
                .cause().isInstanceOf(NodeOfflineException.class);
    }

    @Test
    void aDialTheNodeCannotMakeFailsWithItsReason() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());
        sshd.refuse("Connection refused");

        assertThatThrownBy(() -> dial(node.nodeId(), "echo"))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TunnelException.class)
                .isNotInstanceOf(NodeOfflineException.class)
                .hasMessage("node node-01 (" + node.nodeId() + ") could not connect to its SSH server: the node's SSH"
                        + " server did not accept the connection: Connection refused");
    }

    @Test
    void refusesAClientCertificateFromAnotherCluster() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        TlsIdentity foreign = new TestCluster("other-cluster").nodeTls(node.nodeId());

        try (RawAgent agent = new RawAgent(cluster.credentials(node.nodeId(), "node-01", foreign, address()))) {
            Status refused = agent.hello(node.nodeId()).closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(refused.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
        assertThat(tunnels().connectedNodes()).isEmpty();
    }

    @Test
    void refusesCertificatesOfTheClusterThatAreNotANodes() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        TlsIdentity user = cluster.ca.generate(new X509CertificateRequest(CaType.USER, node.nodeId(), List.of("node"),
                List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));
        TlsIdentity service = cluster.ca.generate(new X509CertificateRequest(CaType.HOST, node.nodeId(), List.of(),
                List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));

        try (RawAgent agent = new RawAgent(cluster.credentials(node.nodeId(), "node-01", user, address()))) {
            assertThat(agent.hello(node.nodeId()).closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS).getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
        }
        try (RawAgent agent = new RawAgent(cluster.credentials(node.nodeId(), "node-01", service, address()))) {
            Status refused = agent.hello(node.nodeId()).closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(refused.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(refused.getDescription()).endsWith("not a node's: only agents open tunnels");
        }
        assertThat(tunnels().connectedNodes()).isEmpty();
    }

    @Test
    void refusesAHelloThatNamesAnotherNode() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials liar = cluster.joinedNode("node-01", address());
        NodeCredentials victim = cluster.joinedNode("node-02", address());

        try (RawAgent agent = new RawAgent(liar)) {
            Status refused = agent.hello(victim.nodeId()).closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(refused.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(refused.getDescription()).isEqualTo("the hello names node " + victim.nodeId()
                    + ", but the client certificate is node " + liar.nodeId() + "'s");
        }
        assertThat(tunnels().connectedNodes()).isEmpty();
    }

    @Test
    void refusesANodeThatIsNoLongerRegistered() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        cluster.registry.remove(node.nodeId(), "admin");

        try (RawAgent agent = new RawAgent(node)) {
            Status refused = agent.hello(node.nodeId()).closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(refused.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(refused.getDescription()).isEqualTo("node " + node.nodeId() + " is not registered in cluster "
                    + TestCluster.NAME + " (was it removed?); join it again with a new token");
        }
        assertThat(tunnels().isConnected(node.nodeId())).isFalse();
    }

    @Test
    void dropsTheTunnelOfANodeRemovedWhileConnected() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), new TunnelTimings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(1)));
        NodeCredentials node = cluster.joinedNode("node-01", address());
        try (RawAgent agent = new RawAgent(node)) {
            agent.hello(node.nodeId());
            awaitConnected(node.nodeId());

            cluster.registry.remove(node.nodeId(), "admin");

            Status dropped = agent.closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(dropped.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(tunnels().isConnected(node.nodeId())).isFalse();
        }
    }

    @Test
    void dropsATunnelThatStaysSilent() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), new TunnelTimings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMinutes(1)));
        NodeCredentials node = cluster.joinedNode("node-01", address());
        try (RawAgent agent = new RawAgent(node)) {
            agent.hello(node.nodeId());
            assertThat(agent.received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS).getHello().getHeartbeatSeconds())
                    .isEqualTo(1);

            Status dropped = agent.closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

            assertThat(dropped.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(dropped.getDescription()).startsWith("no heartbeat from the agent for ");
            assertThat(tunnels().isConnected(node.nodeId())).isFalse();
        }
    }

    @Test
    void aHeartbeatingAgentStaysConnected() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), new TunnelTimings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMinutes(1)));
        NodeCredentials node = cluster.joinedNode("node-01", address());
        startAgent(node);
        awaitConnected(node.nodeId());
        TunnelConnection first = dial(node.nodeId(), "echo");

        // many silence limits later, the same tunnel still dials
        await("six heartbeat periods", sleepFor(Duration.ofSeconds(6)));
        TunnelConnection later = dial(node.nodeId(), "echo");
        Collector echoed = Collector.eager();
        later.start(echoed);
        write(later, "still here".getBytes(), 64);
        later.shutdownOutput();

        echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(echoed.received()).isEqualTo(10);
        first.close();
    }

    @Test
    void theNodeGoesOfflineAndItsConnectionsEndWhenTheAgentStops() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        TunnelClient agent = new TunnelClient(() -> node, sshd.endpoint(), "test", QUICK_RECONNECT);
        awaitConnected(node.nodeId());
        TunnelConnection open = dial(node.nodeId(), "echo");
        Collector receiver = Collector.eager();
        open.start(receiver);

        agent.deactivate();

        await("the node to go offline", () -> !tunnels().isConnected(node.nodeId()));
        assertThat(tunnels().connectedNodes()).isEmpty();
        assertThatThrownBy(() -> receiver.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .cause().isInstanceOf(TunnelException.class);
        assertThatThrownBy(() -> open.write(ByteBuffer.wrap(new byte[1])).get(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .cause().isInstanceOf(TunnelException.class);
    }

    @Test
    void theAgentReconnectsAfterTheProxyRestartsAndDialsWorkAgain() throws Exception {
        TunnelServer first = startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        InetSocketAddress fixed = address();
        NodeCredentials node = cluster.joinedNode("node-01", fixed);
        startAgent(node);
        awaitConnected(node.nodeId());
        NodeTunnels before = tunnels();

        stop(first);
        assertThat(bundle.live()).isEmpty();
        assertThat(before.isConnected(node.nodeId())).isFalse();

        startServer(fixed, TunnelTimings.DEFAULT);
        awaitConnected(node.nodeId());
        TunnelConnection connection = dial(node.nodeId(), "echo");
        Collector echoed = Collector.eager();
        connection.start(echoed);
        byte[] sent = randomBytes(256 * 1024);
        write(connection, sent, 16 * 1024);
        connection.shutdownOutput();

        echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(echoed.sha256()).isEqualTo(sha256(sent));
    }

    @Test
    void eachAttemptReadsTheNodesCredentialsAnew() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        TlsIdentity foreign = new TestCluster("other-cluster").nodeTls(node.nodeId());
        MutableIdentity identity = new MutableIdentity(cluster.credentials(node.nodeId(), "node-01", foreign,
                address()));
        agents.add(new TunnelClient(identity, sshd.endpoint(), "test", QUICK_RECONNECT));
        await("a few refused attempts", sleepFor(Duration.ofSeconds(2)));
        assertThat(tunnels().isConnected(node.nodeId())).isFalse();

        identity.set(node);

        awaitConnected(node.nodeId());
    }

    @Test
    void anAgentThatReconnectsReplacesItsOldTunnel() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        NodeCredentials node = cluster.joinedNode("node-01", address());
        try (RawAgent stale = new RawAgent(node)) {
            stale.hello(node.nodeId());
            awaitConnected(node.nodeId());

            startAgent(node);

            Status replaced = stale.closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(replaced.getCode()).isEqualTo(Status.Code.ABORTED);
            assertThat(tunnels().isConnected(node.nodeId())).isTrue();
            TunnelConnection connection = dial(node.nodeId(), "echo");
            Collector echoed = Collector.eager();
            connection.start(echoed);
            write(connection, "hello".getBytes(), 64);
            connection.shutdownOutput();
            echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertThat(echoed.received()).isEqualTo(5);
        }
    }

    @Test
    void aRenewedCertificateMovesTheTunnelWithoutCuttingOpenConnections() throws Exception {
        startServer(TestCluster.anyLoopbackPort(), new TunnelTimings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMinutes(1)));
        NodeCredentials original = cluster.joinedNode("node-01", address());
        MutableIdentity identity = new MutableIdentity(original);
        agents.add(new TunnelClient(identity, sshd.endpoint(), "test", QUICK_RECONNECT));
        awaitConnected(original.nodeId());
        ProxyTunnel before = ((Tunnels) tunnels()).current(original.nodeId());
        TunnelConnection open = dial(original.nodeId(), "echo");
        Collector echoed = Collector.eager();
        open.start(echoed);
        write(open, "before ".getBytes(), 64);

        NodeCredentials renewed = cluster.credentials(original.nodeId(), "node-01", cluster.nodeTls(original.nodeId()),
                address());
        identity.set(renewed);
        await("the agent to open a tunnel with the renewed certificate", () -> {
            ProxyTunnel now = ((Tunnels) tunnels()).current(original.nodeId());
            return now != null && now != before;
        });

        TunnelConnection fresh = dial(original.nodeId(), "echo");
        Collector freshEchoed = Collector.eager();
        fresh.start(freshEchoed);
        write(fresh, "new".getBytes(), 64);
        fresh.shutdownOutput();
        freshEchoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        write(open, "after".getBytes(), 64);
        open.shutdownOutput();
        echoed.ended.get(PATIENCE_SECONDS, TimeUnit.SECONDS);

        assertThat(freshEchoed.received()).isEqualTo(3);
        assertThat(echoed.received()).isEqualTo("before after".length());
        assertThat(tunnels().isConnected(original.nodeId())).isTrue();
    }

    @Test
    void listensOnlyWhenTheHubRunsTheProxyAndPublishesWhatItBound() throws Exception {
        TunnelServer authOnly = new TunnelServer(bundle.context(),
                TestCluster.settings(Set.of(HubRole.AUTH), TestCluster.anyLoopbackPort()), cluster.ca, cluster.ca,
                cluster.registry, TunnelTimings.DEFAULT, Clock.systemUTC());
        assertThat(bundle.live()).isEmpty();
        authOnly.deactivate();

        TunnelServer server = startServer(TestCluster.anyLoopbackPort(), TunnelTimings.DEFAULT);
        Listener listener = bundle.service(Listener.class);
        assertThat(listener.name()).isEqualTo("proxy-tunnel");
        assertThat(listener.protocol()).isEqualTo("grpc");
        assertThat(listener.address().getPort()).isPositive();
        assertThat(bundle.live()).extracting(RecordingBundleContext.Registration::type)
                .containsExactlyInAnyOrder(Listener.class, NodeTunnels.class);

        stop(server);
        assertThat(bundle.live()).isEmpty();
    }

    // ---- helpers

    private TunnelServer startServer(InetSocketAddress listen, TunnelTimings timings) throws IOException {
        TunnelServer server = new TunnelServer(bundle.context(), TestCluster.settings(Set.of(HubRole.PROXY), listen),
                cluster.ca, cluster.ca, cluster.registry, timings, Clock.systemUTC());
        servers.add(server);
        return server;
    }

    private void stop(TunnelServer server) {
        servers.remove(server);
        server.deactivate();
    }

    private TunnelClient startAgent(NodeCredentials node) {
        TunnelClient agent = new TunnelClient(() -> node, sshd.endpoint(), "test", QUICK_RECONNECT);
        agents.add(agent);
        return agent;
    }

    private NodeTunnels tunnels() {
        return bundle.service(NodeTunnels.class);
    }

    private InetSocketAddress address() {
        return bundle.service(Listener.class).address();
    }

    private void awaitConnected(String nodeId) throws InterruptedException {
        await("node " + nodeId + " to connect its tunnel", () -> tunnels().isConnected(nodeId));
    }

    private TunnelConnection dial(String nodeId, String behaviour) throws Exception {
        return tunnels().dial(nodeId, behaviour).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    /** Writes in chunks through one reused buffer, waiting for each write as a caller must. */
    private static void write(TunnelConnection connection, byte[] data, int chunk) {
        ByteBuffer buffer = ByteBuffer.allocate(chunk);
        try {
            for (int offset = 0; offset < data.length; offset += chunk) {
                buffer.clear();
                buffer.put(data, offset, Math.min(chunk, data.length - offset)).flip();
                connection.write(buffer).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("write failed", e);
        }
    }

    /** Writes 64 KiB at a time, each after the last completed, until a write fails. */
    private static void writeForever(TunnelConnection connection, AtomicLong accepted) {
        ByteBuffer chunk = ByteBuffer.wrap(randomBytes(DataPath.MAX_CHUNK));
        try {
            while (true) {
                connection.write(chunk).get();
                accepted.addAndGet(chunk.capacity());
            }
        } catch (ExecutionException e) {
            // the connection ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static BooleanSupplier sleepFor(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        return () -> System.nanoTime() >= until;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
