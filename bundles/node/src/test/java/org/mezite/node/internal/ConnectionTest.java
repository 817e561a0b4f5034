package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.SessionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.NewAuditEvent;

/** Where connections come from and how long they may last. */
class ConnectionTest {

    private NodeUnderTest node;
    private final TestClient client = new TestClient();
    private final KeyPair alice = TestCa.ed25519();

    @AfterEach
    void stop() {
        client.close();
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aConnectionThroughTheTunnelIsAuditedWithTheUsersRealAddress() throws Exception {
        node = new NodeUnderTest();
        try (Relay tunnel = new Relay(() -> node.service.connect("203.0.113.9:51022", "proxy-1"));
                ClientSession session = client.login(tunnel.address(), "root", alice,
                        node.ca.user(alice, "alice", List.of("root")))) {
            TestClient.Result result = TestClient.exec(session, "echo \"$SSH_CLIENT\"");

            assertThat(result.out()).startsWith("203.0.113.9 51022 ");
        }
        NewAuditEvent start = node.audit.await("session.start");
        assertThat(start.clientAddr()).isEqualTo("203.0.113.9");
    }

    @Test
    void listensForDirectConnectionsWhenConfigured() throws Exception {
        node = new NodeUnderTest(new NodeSshSettings(
                Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Optional.empty()));
        InetSocketAddress direct = node.service.directAddress().orElseThrow();
        assertThat(direct.getPort()).isNotEqualTo(node.address().getPort());

        try (ClientSession session = client.login(direct, "root", alice,
                node.ca.user(alice, "alice", List.of("root")))) {
            assertThat(TestClient.exec(session, "echo direct").out()).isEqualTo("direct\n");
        }
    }

    @Test
    void closesAConnectionWithoutTraffic() throws Exception {
        node = new NodeUnderTest(new NodeSshSettings(Optional.empty(), Optional.of(Duration.ofSeconds(1))));
        ClientSession session = client.login(node.address(), "root", alice,
                node.ca.user(alice, "alice", List.of("root")));

        session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TestClient.WAIT);

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void closesTheConnectionWhenTheCertificateExpires() throws Exception {
        node = new NodeUnderTest();
        Instant now = Instant.now();
        ClientSession session = client.login(node.address(), "root", alice, node.ca.user(alice, "alice",
                List.of("root"), b -> b.validAfter(now.minusSeconds(60)).validBefore(now.plusSeconds(3))));
        String[] reason = new String[1];
        session.addSessionListener(new SessionListener() {
            @Override
            public void sessionDisconnect(org.apache.sshd.common.session.Session s, int code, String message,
                    String language, boolean initiator) {
                reason[0] = message;
            }
        });
        try (ChannelExec exec = session.createExecChannel("sleep 60")) {
            exec.open().verify(TestClient.WAIT);

            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);

            assertThat(exec.getExitStatus()).isNull();
        }
        session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TestClient.WAIT);
        assertThat(session.isOpen()).isFalse();
        assertThat(reason[0]).contains("your certificate expired");
        assertThat(node.audit.await("session.end").metadata()).contains("\"kind\":\"exec\"");
    }
}
