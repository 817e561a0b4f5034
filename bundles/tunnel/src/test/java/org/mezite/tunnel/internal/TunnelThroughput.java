package org.mezite.tunnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.node.NodeCredentials;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelReceiver;

/**
 * How fast the tunnel alone moves bytes each way, with sha256 checks; prints MB/s, asserts only integrity. Run with
 * {@code mvn -pl bundles/tunnel test -Dtest=TunnelThroughput -Dtunnel.throughput=true [-Dtunnel.bytes=1073741824]}.
 */
@EnabledIfSystemProperty(named = "tunnel.throughput", matches = "true")
class TunnelThroughput {

    private static final long BYTES = Long.getLong("tunnel.bytes", 1L << 30);

    private final TestCluster cluster = new TestCluster();
    private final RecordingBundleContext bundle = new RecordingBundleContext();
    private FakeSshServer sshd;
    private TunnelServer server;
    private TunnelClient agent;
    private NodeCredentials node;

    @BeforeEach
    void start() throws Exception {
        sshd = new FakeSshServer();
        server = new TunnelServer(bundle.context(), TestCluster.settings(Set.of(HubRole.PROXY),
                TestCluster.anyLoopbackPort()), cluster.ca, cluster.ca, cluster.registry, TunnelTimings.DEFAULT,
                Clock.systemUTC());
        InetSocketAddress address = bundle.service(Listener.class).address();
        node = cluster.joinedNode("bench", address);
        agent = new TunnelClient(() -> node, sshd.endpoint(), "bench", ReconnectPolicy.DEFAULT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!tunnels().isConnected(node.nodeId()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void stop() throws IOException {
        agent.deactivate();
        server.deactivate();
        sshd.close();
    }

    @Test
    void nodeToProxy() throws Exception {
        for (int round = 0; round < 3; round++) {
            TunnelConnection connection = tunnels().dial(node.nodeId(), "bytes:" + BYTES).get(30, TimeUnit.SECONDS);
            Collector received = Collector.eager();
            long start = System.nanoTime();
            connection.start(received);
            connection.shutdownOutput();
            received.ended.get(10, TimeUnit.MINUTES);
            report("node -> proxy", received.received(), start);
            assertThat(received.received()).isEqualTo(BYTES);
            assertThat(received.sha256()).isEqualTo(expectedSha256());
        }
    }

    @Test
    void proxyToNode() throws Exception {
        for (int round = 0; round < 3; round++) {
            TunnelConnection connection = tunnels().dial(node.nodeId(), "sink").get(30, TimeUnit.SECONDS);
            StringBuilder answer = new StringBuilder();
            java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
            connection.start(new TunnelReceiver() {
                @Override
                public void onData(ByteBuffer data, Runnable consumed) {
                    answer.append(StandardCharsets.US_ASCII.decode(data));
                    consumed.run();
                }

                @Override
                public void onEnd() {
                    ended.complete(null);
                }

                @Override
                public void onError(Throwable cause) {
                    ended.completeExceptionally(cause);
                }
            });
            byte[] block = FakeSshServer.stream();
            ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
            long start = System.nanoTime();
            for (long sent = 0; sent < BYTES; sent += buffer.capacity()) {
                int offset = (int) (sent % block.length);
                buffer.clear();
                buffer.put(block, offset, buffer.capacity()).flip();
                connection.write(buffer).get(1, TimeUnit.MINUTES);
            }
            connection.shutdownOutput();
            ended.get(10, TimeUnit.MINUTES);
            report("proxy -> node", BYTES, start);
            assertThat(answer.toString()).isEqualTo(expectedSha256());
        }
    }

    private NodeTunnels tunnels() {
        return bundle.service(NodeTunnels.class);
    }

    private static String expectedSha256() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] block = FakeSshServer.stream();
        for (long left = BYTES; left > 0; left -= block.length) {
            sha256.update(block, 0, (int) Math.min(block.length, left));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void report(String direction, long bytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %d MiB in %.2f s = %.0f MB/s%n", direction, bytes >> 20, seconds, bytes / seconds / 1e6);
    }
}
