package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Clock;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.NewAuditEvent;

/** Who gets in: holders of a valid Mezite user certificate for the login, whom access allows; nobody else. */
class AuthenticationTest {

    private NodeUnderTest node;
    private TestClient client;
    private final KeyPair alice = TestCa.ed25519();

    @BeforeEach
    void start() throws Exception {
        node = new NodeUnderTest();
        client = new TestClient();
    }

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    @Test
    void presentsTheHostCertificateAndRunsACommandForACertifiedUser() throws Exception {
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root", "alice"));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate)) {
            TestClient.Result result = TestClient.exec(session, "echo hello; echo oops >&2; exit 3");

            assertThat(result.out()).isEqualTo("hello\n");
            assertThat(result.err()).isEqualTo("oops\n");
            assertThat(result.status()).isEqualTo(3);
        }
        assertThat(client.serverKey).isInstanceOfSatisfying(OpenSshCertificate.class, host -> {
            assertThat(host.getType()).isEqualTo(OpenSshCertificate.Type.HOST);
            assertThat(host.getPrincipals()).contains("node-01");
        });
        assertThat(node.access.lastUser.username()).isEqualTo("alice");
        assertThat(node.access.lastUser.roles()).containsExactly("access", "dev");
        assertThat(node.access.lastUser.serial()).isEqualTo(certificate.getSerial());
        assertThat(node.access.lastTarget.nodeName()).isEqualTo("node-01");
        NewAuditEvent exec = node.audit.await("exec");
        assertThat(exec.username()).isEqualTo("alice");
        assertThat(exec.login()).isEqualTo("root");
        assertThat(exec.node()).isEqualTo(NodeUnderTest.NODE_ID);
        assertThat(exec.clientAddr()).isEqualTo("127.0.0.1");
        assertThat(exec.metadata()).contains("\"command\":\"echo hello; echo oops >&2; exit 3\"")
                .contains("\"exit_status\":3");
        NewAuditEvent end = node.audit.await("session.end");
        assertThat(end.sessionId()).isEqualTo(exec.sessionId());
        assertThat(end.metadata()).contains("\"bytes_out\":11").contains("\"tty\":false").contains("\"duration_ms\":");
        assertThat(node.audit.ofType("session.start")).singleElement()
                .satisfies(start -> assertThat(start.sessionId()).isEqualTo(exec.sessionId()));
    }

    @Test
    void refusesAPlainKeyAndAuditsTheFailureOnce() throws Exception {
        assertThatThrownBy(() -> client.login(node.address(), "root", alice)).isInstanceOf(SshException.class);

        NewAuditEvent failure = node.audit.await("ssh.auth");
        assertThat(failure.result()).isEqualTo("failure");
        assertThat(failure.login()).isEqualTo("root");
        assertThat(failure.metadata()).contains("plain public key").contains("\"component\":\"node\"");
        assertThat(node.audit.ofType("ssh.auth")).hasSize(1);
    }

    @Test
    void refusesAnExpiredCertificate() throws Exception {
        // MINA's client does not offer a certificate it thinks expired: the node's clock is two hours ahead instead
        node.close();
        node = new NodeUnderTest(NodeSshSettings.none(), Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        OpenSshCertificate expired = node.ca.user(alice, "alice", List.of("root"));

        assertThatThrownBy(() -> client.login(node.address(), "root", alice, expired))
                .isInstanceOf(SshException.class);

        NewAuditEvent failure = node.audit.await("ssh.auth");
        assertThat(failure.username()).isEqualTo("alice");
        assertThat(failure.metadata()).contains("expired at").contains("\"cert_serial\":\"" + expired.getSerial());
    }

    @Test
    void refusesACertificateFromAnotherCa() throws Exception {
        OpenSshCertificate foreign = new TestCa().user(alice, "alice", List.of("root"));

        assertThatThrownBy(() -> client.login(node.address(), "root", alice, foreign))
                .isInstanceOf(SshException.class);

        assertThat(node.audit.await("ssh.auth").metadata()).contains("not signed by the User CA of cluster");
    }

    @Test
    void refusesALoginThatIsNotAmongThePrincipals() throws Exception {
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("alice", "ubuntu"));

        assertThatThrownBy(() -> client.login(node.address(), "root", alice, certificate))
                .isInstanceOf(SshException.class);

        NewAuditEvent failure = node.audit.await("ssh.auth");
        assertThat(failure.login()).isEqualTo("root");
        assertThat(failure.metadata())
                .contains("login \\\"root\\\" is not among the certificate's principals (alice, ubuntu)");
    }

    @Test
    void refusesAndAuditsWhatAccessDenies() throws Exception {
        node.access.loginsAllowed = false;
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"));

        assertThatThrownBy(() -> client.login(node.address(), "root", alice, certificate))
                .isInstanceOf(SshException.class);

        NewAuditEvent rejected = node.audit.await("session.rejected");
        assertThat(rejected.username()).isEqualTo("alice");
        assertThat(rejected.metadata()).contains("role \\\"dev\\\" allows no login on node-01");
        assertThat(node.audit.ofType("session.rejected")).hasSize(1);
        assertThat(node.audit.ofType("ssh.auth")).isEmpty();
    }
}
