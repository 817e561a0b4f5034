package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.sshd.agent.local.LocalAgentFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.SshAction;
import org.mezite.api.store.NewAuditEvent;

/** -L, -R and -A: each only when the certificate permits it and access allows it. */
class ForwardingTest {

    private NodeUnderTest node;
    private TestClient client;
    private EchoServer echo;
    private final KeyPair alice = TestCa.ed25519();

    @BeforeEach
    void start() throws Exception {
        node = new NodeUnderTest();
        client = new TestClient();
        echo = new EchoServer();
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
        client.close();
        node.close();
    }

    private SshdSocketAddress echoAddress() {
        return new SshdSocketAddress("127.0.0.1", echo.port());
    }

    @Test
    void aLocalForwardReachesALoopbackServiceOnTheNode() throws Exception {
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate)) {
            SshdSocketAddress local = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    echoAddress());

            assertThat(EchoServer.roundTrip(local.toInetSocketAddress(), "ping\n")).isEqualTo("ping\n");
        }
        NewAuditEvent port = node.audit.await("port");
        assertThat(port.result()).isEqualTo("success");
        assertThat(port.metadata()).contains("\"kind\":\"local\"").contains(":" + echo.port());
    }

    @Test
    void aLocalForwardIsRefusedWithoutPermitPortForwarding() throws Exception {
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"),
                b -> b.extensions(java.util.Map.of("permit-pty", "", "mezite-user@mezite.org", "alice")));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate)) {
            SshdSocketAddress local = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    echoAddress());

            assertThat(EchoServer.roundTrip(local.toInetSocketAddress(), "ping\n")).isEmpty();
        }
        NewAuditEvent port = node.audit.await("port");
        assertThat(port.result()).isEqualTo("failure");
        assertThat(port.metadata()).contains("does not carry permit-port-forwarding");
    }

    @Test
    void aLocalForwardIsRefusedWhenAccessDeniesIt() throws Exception {
        node.access.actions.remove(SshAction.LOCAL_PORT_FORWARDING);
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate)) {
            SshdSocketAddress local = session.startLocalPortForwarding(new SshdSocketAddress("127.0.0.1", 0),
                    echoAddress());

            assertThat(EchoServer.roundTrip(local.toInetSocketAddress(), "ping\n")).isEmpty();
        }
        assertThat(node.audit.await("port").metadata()).contains("does not allow LOCAL_PORT_FORWARDING");
    }

    @Test
    void aRemoteForwardListensOnTheNodesLoopback() throws Exception {
        // MINA's client refuses the node's forwarded-tcpip channels unless told to take them, as ssh takes them
        client.mina().setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate)) {
            SshdSocketAddress remote = session.startRemotePortForwarding(new SshdSocketAddress("localhost", 0),
                    echoAddress());

            assertThat(EchoServer.roundTrip(new InetSocketAddress("127.0.0.1", remote.getPort()), "pong\n"))
                    .isEqualTo("pong\n");
        }
        assertThat(node.audit.await("port", e -> e.metadata().contains("\"kind\":\"remote\"")).result())
                .isEqualTo("success");
    }

    @Test
    void aRemoteForwardOnAPrivilegedPortIsRefusedToOtherLogins() throws Exception {
        String user = TestUsers.create();
        try {
            OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of(user));
            try (ClientSession session = client.login(node.address(), user, alice, certificate)) {
                assertThat(catching(() -> session.startRemotePortForwarding(new SshdSocketAddress("localhost", 81),
                        echoAddress()))).isNotNull();
            }
            assertThat(node.audit.await("port").metadata()).contains("only root may listen on port 81");
        } finally {
            TestUsers.delete(user);
        }
    }

    @Test
    void agentForwardingGivesTheSessionASocketOnlyTheLoginCanUse() throws Exception {
        LocalAgentFactory agent = new LocalAgentFactory();
        agent.getAgent().addIdentity(TestCa.ed25519(), "alice@laptop");
        client.mina().setAgentFactory(agent);
        List<ChannelFactory> factories = new ArrayList<>(client.mina().getChannelFactories());
        factories.addAll(agent.getChannelForwardingFactories(client.mina()));
        client.mina().setChannelFactories(factories);
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"),
                b -> b.extension("permit-agent-forwarding", ""));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate);
                ChannelExec exec = session.createExecChannel(
                        "stat -c '%U %a' \"$(dirname \"$SSH_AUTH_SOCK\")\"; ssh-add -l")) {
            exec.setAgentForwarding(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exec.setOut(out);
            exec.setErr(out);
            exec.open().verify(TestClient.WAIT);
            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);

            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("root 700\n256 SHA256:")
                    .contains("alice@laptop (ED25519)");
            assertThat(exec.getExitStatus()).isZero();
        }
        assertThat(node.audit.await("port").metadata()).contains("\"kind\":\"agent\"");
    }

    private static Exception catching(ThrowingRunnable action) {
        try {
            action.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
