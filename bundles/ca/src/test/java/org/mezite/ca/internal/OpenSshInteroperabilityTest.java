package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserPermission;
import org.mezite.api.store.CaType;

/**
 * Mezite's certificates against a stock OpenSSH: an sshd that trusts only the user CA ({@code TrustedUserCAKeys}) and
 * presents a host certificate, and an ssh client whose known_hosts holds only the host CA's {@code @cert-authority}
 * line.
 */
class OpenSshInteroperabilityTest {

    private static final String LOGIN = System.getProperty("user.name");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;

    private static InMemoryCertificateAuthorityRepository store;
    private static CertificateAuthorityService cas;
    private static Path knownHosts;
    private static SshdServer node;

    @BeforeAll
    static void startNode() throws Exception {
        store = new InMemoryCertificateAuthorityRepository();
        cas = TestCas.start(store, PASSPHRASE);
        Path userCa = dir.resolve("user_ca.pub");
        Files.writeString(userCa, cas.authority(CaType.USER).authorizedKey() + "\n");
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, cas.authority(CaType.HOST).certAuthorityLine("*") + "\n");

        Path hostKey = OpenSsh.newKey(dir, "host_node");
        Path hostCert = OpenSsh.writeCertificate(hostKey, cas.sign(new HostCertificateRequest(
                OpenSsh.publicKey(hostKey), "node-01", "node-01.example.com", List.of("127.0.0.1"),
                Duration.ofHours(1))).authorizedKey());
        node = SshdServer.start(Files.createDirectories(dir.resolve("node")), hostKey, hostCert, userCa);
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void sshdAcceptsAUserCertificateForAnAllowedLoginAndSshTrustsTheHostCertificate() throws Exception {
        Path key = userKeyWithCertificate("alice", List.of("mezite-nobody", LOGIN), cas);

        OpenSsh.Result result = OpenSsh.ssh(dir, node.port(), LOGIN, key, knownHosts);

        assertThat(result.exitCode()).as("ssh: %s\nsshd: %s", result.stderr(), node.log()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("mezite-ok");
    }

    @Test
    void sshdRejectsAUserCertificateForAnotherLogin() throws Exception {
        Path key = userKeyWithCertificate("bob", List.of("mezite-nobody"), cas);

        OpenSsh.Result result = OpenSsh.ssh(dir, node.port(), LOGIN, key, knownHosts);

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stderr()).contains("Permission denied");
        assertThat(rejection("bob")).isEqualTo("Certificate invalid: name is not a listed principal");
    }

    @Test
    void sshdRejectsAnExpiredUserCertificate() throws Exception {
        // the same CA (same store, same passphrase) with a clock two days back signs a one-hour certificate
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        CertificateAuthorityService yesterdays = TestCas.start(store, PASSPHRASE, past);
        assertThat(yesterdays.authority(CaType.USER).authorizedKey())
                .isEqualTo(cas.authority(CaType.USER).authorizedKey());
        Path key = userKeyWithCertificate("carol", List.of(LOGIN), yesterdays);

        OpenSsh.Result result = OpenSsh.ssh(dir, node.port(), LOGIN, key, knownHosts);

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stderr()).contains("Permission denied");
        assertThat(rejection("carol")).isEqualTo("Certificate invalid: expired");
    }

    @Test
    void sshdRejectsAUserCertificateFromAnotherCa() throws Exception {
        CertificateAuthorityService otherCluster = TestCas.start();
        Path key = userKeyWithCertificate("dave", List.of(LOGIN), otherCluster);

        OpenSsh.Result result = OpenSsh.ssh(dir, node.port(), LOGIN, key, knownHosts);

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stderr()).contains("Permission denied");
        // sshd does not say why, but it never accepts the certificate and names the foreign CA
        assertThat(node.log()).doesNotContain("Accepted certificate ID \"dave\"")
                .containsPattern("Failed publickey for " + LOGIN + " .* ID dave \\(serial \\d+\\) CA ED25519 "
                        + Pattern.quote(otherCluster.authority(CaType.USER).sshFingerprint()));
    }

    @Test
    void sshRejectsAHostWithoutCertificate() throws Exception {
        Path hostDir = Files.createDirectories(dir.resolve("plain"));
        Path hostKey = OpenSsh.newKey(hostDir, "host_plain");
        Path key = userKeyWithCertificate("erin", List.of(LOGIN), cas);
        try (SshdServer plain = SshdServer.start(hostDir, hostKey, null, dir.resolve("user_ca.pub"))) {

            OpenSsh.Result result = OpenSsh.ssh(dir, plain.port(), LOGIN, key, knownHosts);

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stderr()).contains("No ED25519 host key is known for [127.0.0.1]:" + plain.port())
                    .contains("Host key verification failed");
        }
    }

    @Test
    void sshRejectsAHostCertificateFromAnotherCa() throws Exception {
        Path hostDir = Files.createDirectories(dir.resolve("impostor"));
        Path hostKey = OpenSsh.newKey(hostDir, "host_impostor");
        Path hostCert = OpenSsh.writeCertificate(hostKey, TestCas.start().sign(new HostCertificateRequest(
                OpenSsh.publicKey(hostKey), "node-01", "127.0.0.1", List.of(), Duration.ofHours(1))).authorizedKey());
        Path key = userKeyWithCertificate("frank", List.of(LOGIN), cas);
        try (SshdServer impostor = SshdServer.start(hostDir, hostKey, hostCert, dir.resolve("user_ca.pub"))) {

            OpenSsh.Result result = OpenSsh.ssh(dir, impostor.port(), LOGIN, key, knownHosts);

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stderr()).contains("Host key verification failed");
        }
    }

    @Test
    void sshRejectsAHostCertificateThatDoesNotNameTheHost() throws Exception {
        Path hostDir = Files.createDirectories(dir.resolve("misnamed"));
        Path hostKey = OpenSsh.newKey(hostDir, "host_misnamed");
        Path hostCert = OpenSsh.writeCertificate(hostKey, cas.sign(new HostCertificateRequest(
                OpenSsh.publicKey(hostKey), "node-02", "node-02.example.com", List.of(), Duration.ofHours(1)))
                .authorizedKey());
        Path key = userKeyWithCertificate("grace", List.of(LOGIN), cas);
        try (SshdServer misnamed = SshdServer.start(hostDir, hostKey, hostCert, dir.resolve("user_ca.pub"))) {

            OpenSsh.Result result = OpenSsh.ssh(dir, misnamed.port(), LOGIN, key, knownHosts);

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.stderr()).contains("Certificate invalid: name is not a listed principal")
                    .contains("Host key verification failed");
        }
    }

    /** The line sshd logged just before refusing the certificate with this key id. */
    private static String rejection(String keyId) {
        List<String> lines = node.log().lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Failed publickey for ") && lines.get(i).contains(" ID " + keyId + " ")) {
                return lines.get(i - 1);
            }
        }
        throw new AssertionError("sshd did not refuse " + keyId + ":\n" + node.log());
    }

    /** A key made by ssh-keygen, with a one-hour certificate from {@code signer} beside it. */
    private static Path userKeyWithCertificate(String user, List<String> logins, CertificateAuthorityService signer)
            throws Exception {
        Path key = OpenSsh.newKey(Files.createTempDirectory(dir, user), "id_" + user);
        OpenSsh.writeCertificate(key, signer.sign(new UserCertificateRequest(OpenSsh.publicKey(key), user,
                List.of("access"), logins, Set.of(UserPermission.PORT_FORWARDING), Duration.ofHours(1), Map.of()))
                .authorizedKey());
        return key;
    }
}
