package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mezite.api.store.NewAuditEvent;

/** {@code direct-tcpip} through the proxy: what OpenSSH's ProxyJump opens. */
class JumpTest {

    private static RunningProxy proxy;
    private static ProxyClient client;
    private static TestHub.UserIdentity alice;

    @BeforeAll
    static void start() throws Exception {
        proxy = new RunningProxy();
        client = ProxyClient.start();
        alice = TestHub.alice();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        proxy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-01", RunningProxy.NODE_01, "node-01.test-cluster", "NODE-01",
            RunningProxy.NODE_01 + ".test-cluster"})
    void reachesTheNodeByNameOrIdAndRunsASessionEndToEnd(String target) throws Exception {
        try (ClientSession session = client.login(proxy.port(), "alice", alice.keyPair());
                ClientSession node = client.jump(session, target, "ubuntu", alice.keyPair(), proxy.node.hostKey())) {
            ProxyClient.Result result = ProxyClient.exec(node, "hello");
            assertThat(result.stdout()).isEqualTo("hello from node-01 as ubuntu\n");
            assertThat(result.exitStatus()).isZero();
        }
        assertThat(proxy.tunnels.dials()).anySatisfy(dial -> {
            assertThat(dial.nodeId()).isEqualTo(RunningProxy.NODE_01);
            assertThat(dial.clientAddress()).startsWith("127.0.0.1:");
        });
        NewAuditEvent connected = proxy.audit.await("proxy.connect");
        assertThat(connected.username()).isEqualTo("alice");
        assertThat(connected.metadata()).contains("\"via\":\"direct-tcpip\"");
    }

    @Test
    void asksTheAccessCheckerWithoutALoginBeforeDialling() throws Exception {
        try (ClientSession session = client.login(proxy.port(), "alice", alice.keyPair())) {
            readGreeting(open(session, "db-01")).close();
        }
        assertThat(proxy.access.questions()).anySatisfy(question -> {
            assertThat(question.login()).isNull();
            assertThat(question.node().nodeId()).isEqualTo(RunningProxy.DB_01);
            assertThat(question.user().username()).isEqualTo("alice");
            assertThat(question.user().logins()).containsExactly("alice", "ubuntu");
            assertThat(question.user().roles()).containsExactly("dev");
            assertThat(question.user().extensions()).contains("permit-pty", "mezite-user@mezite.org");
        });
    }

    @Test
    void anUnknownNodeIsRefusedWithTheReason() throws Exception {
        assertRefused("nosuch", "no node \"nosuch\" in cluster \"test-cluster\"");
    }

    @Test
    void anAmbiguousNameIsRefusedNamingTheNodes() throws Exception {
        assertRefused("web", "node name \"web\" is ambiguous: nodes " + RunningProxy.WEB_A + ", "
                + RunningProxy.WEB_B + " have it");
    }

    @Test
    void anOfflineNodeIsRefusedWithTheReason() throws Exception {
        assertRefused("offline-01", "node \"offline-01\" is offline");
    }

    @Test
    void anotherPortIsRefused() throws Exception {
        try (ClientSession session = client.login(proxy.port(), "alice", alice.keyPair())) {
            ChannelDirectTcpip channel = session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("db-01", 5432));
            assertThatThrownBy(() -> channel.open().verify(ProxyClient.GUARD))
                    .hasRootCauseInstanceOf(SshChannelOpenException.class)
                    .rootCause().hasMessageContaining("port 5432 on \"db-01\"");
        }
    }

    @Test
    void aDeniedNodeIsRefusedAndAudited() throws Exception {
        assertRefused("secret-01", "access to node \"secret-01\" denied: no role of alice allows node secret-01");
        NewAuditEvent rejected = proxy.audit.await("session.rejected");
        assertThat(rejected.result()).isEqualTo("failure");
        assertThat(rejected.username()).isEqualTo("alice");
        assertThat(rejected.node()).isEqualTo(RunningProxy.SECRET_01);
        assertThat(rejected.clientAddr()).startsWith("127.0.0.1:");
        assertThat(rejected.metadata()).contains("\"reason\":\"no role of alice allows node secret-01\"");
        assertThat(proxy.tunnels.dials()).noneMatch(dial -> dial.nodeId().equals(RunningProxy.SECRET_01));
    }

    @Test
    void carriesMegabytesBothWaysIntact() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        try (ClientSession session = client.login(proxy.port(), "alice", alice.keyPair())) {
            ClientChannel channel = open(session, "db-01");
            InputStream in = channel.getInvertedOut();
            OutputStream out = channel.getInvertedIn();
            CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (int offset = 0; offset < data.length; offset += 100_000) {
                out.write(data, offset, Math.min(100_000, data.length - offset));
            }
            out.flush();
            out.close(); // sends EOF; the echo server ends its output after ours: EOF travels both ways
            byte[] received = echoed.get(ProxyClient.GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(received.length).isEqualTo(data.length);
            assertThat(sha256(received)).isEqualTo(sha256(data));
            channel.close(false);
        }
    }

    @Test
    void carriesALargeTransferThroughANestedSessionIntact() throws Exception {
        byte[] data = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(data);
        try (ClientSession session = client.login(proxy.port(), "alice", alice.keyPair());
                ClientSession node = client.jump(session, "node-01", "alice", alice.keyPair(), proxy.node.hostKey());
                ClientChannel cat = node.createExecChannel("cat")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            cat.setOut(out);
            cat.setIn(new ByteArrayInputStream(data));
            cat.open().verify(ProxyClient.GUARD);
            cat.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    ProxyClient.GUARD);
            assertThat(sha256(out.toByteArray())).isEqualTo(sha256(data));
        }
    }

    private static void assertRefused(String node, String message) throws IOException {
        try (ClientSession session = client.login(proxy.port(), "alice", alice.keyPair())) {
            assertThatThrownBy(() -> open(session, node))
                    .hasRootCauseInstanceOf(SshChannelOpenException.class)
                    .rootCause().hasMessageContaining(message);
            // the connection stays usable after a refusal
            readGreeting(open(session, "db-01")).close();
        }
    }

    private static ClientChannel open(ClientSession session, String node) throws IOException {
        ChannelDirectTcpip channel = session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                new SshdSocketAddress(node, 22));
        channel.open().verify(ProxyClient.GUARD);
        return channel;
    }

    /** Sends a line to the echo server and reads it back. */
    private static ClientChannel readGreeting(ClientChannel channel) throws IOException {
        channel.getInvertedIn().write("ping\n".getBytes());
        channel.getInvertedIn().flush();
        byte[] back = channel.getInvertedOut().readNBytes(5);
        assertThat(new String(back)).isEqualTo("ping\n");
        return channel;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
