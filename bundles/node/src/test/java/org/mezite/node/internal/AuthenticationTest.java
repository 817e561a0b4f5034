package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
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

    @Test
    void passesTheCertificatesTraitsToAccessDecisions() throws Exception {
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"), b -> b.extensions(
                extensions("{\"logins\":[\"root\",\"alice\"],\"team\":[\"dev\",\"ops \\u00e9\"]}")));
        try (ClientSession session = client.login(node.address(), "root", alice, certificate)) {
            assertThat(TestClient.exec(session, "true").status()).isZero();
        }

        assertThat(node.access.lastUser.traits()).containsExactly(Map.entry("logins", List.of("root", "alice")),
                Map.entry("team", List.of("dev", "ops é")));
    }

    @Test
    void refusesACertificateWithMalformedTraits() throws Exception {
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"), b -> b.extensions(
                extensions("{\"team\":\"dev\"}")));

        assertThatThrownBy(() -> client.login(node.address(), "root", alice, certificate))
                .isInstanceOf(SshException.class);

        NewAuditEvent failure = node.audit.await("ssh.auth");
        assertThat(failure.username()).isEqualTo("alice");
        assertThat(failure.metadata()).contains("mezite-traits@mezite.org extension is not a JSON object of string "
                + "lists: at offset 8: expected '['");
        assertThat(node.access.lastUser).as("access is never asked").isNull();
    }

    @Test
    void tellsALockedUserWhyTheyAreRefused() throws Exception {
        node.policies.publish(new AccessPolicy(2, List.of(), List.of(new Lock("lock-1",
                new LockTarget(LockTargetKind.USER, "alice"), "security incident, call the SOC", null, "bob",
                Instant.now())), List.of()));
        List<String> banners = new CopyOnWriteArrayList<>();
        client.mina().setUserInteraction(new UserInteraction() {
            @Override
            public void welcome(ClientSession session, String banner, String lang) {
                banners.add(banner);
            }

            @Override
            public String[] interactive(ClientSession session, String name, String instruction, String lang,
                    String[] prompt, boolean[] echo) {
                return null;
            }

            @Override
            public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
                return null;
            }
        });
        OpenSshCertificate certificate = node.ca.user(alice, "alice", List.of("root"));

        assertThatThrownBy(() -> client.login(node.address(), "root", alice, certificate))
                .isInstanceOf(SshException.class);

        assertThat(banners).containsExactly(
                "mezd: access denied: locked (user=alice): security incident, call the SOC\r\n");
        assertThat(node.audit.await("session.rejected").metadata()).contains("locked (user=alice)");
    }

    /** The extensions Mezite's CA writes, with these traits. */
    private static Map<String, String> extensions(String traits) {
        Map<String, String> extensions = new TreeMap<>();
        extensions.put("permit-pty", "");
        extensions.put("mezite-user@mezite.org", "alice");
        extensions.put("mezite-roles@mezite.org", "access");
        extensions.put("mezite-traits@mezite.org", traits);
        return extensions;
    }
}
