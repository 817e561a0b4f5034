package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.ca.UserCertificateRequest;

/** Which public keys can be certified, checked against keys ssh-keygen makes and certificates it reads back. */
class SubjectPublicKeyTest {

    @TempDir
    static Path dir;

    private static CertificateAuthorityService cas;

    @BeforeAll
    static void start() {
        cas = TestCas.start();
    }

    @ParameterizedTest
    @CsvSource({"ed25519,256,ssh-ed25519-cert-v01@openssh.com", "ecdsa,256,ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa,384,ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa,521,ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "rsa,2048,ssh-rsa-cert-v01@openssh.com"})
    void keysOfEveryTypeSshKeygenMakesAreCertifiedAndReadBack(String type, int bits, String certificateType)
            throws Exception {
        Path key = dir.resolve("id_" + type + bits);
        OpenSsh.Result made = OpenSsh.run(dir, "ssh-keygen", "-q", "-t", type, "-b", String.valueOf(bits), "-N", "",
                "-f", key.toString());
        assertThat(made.exitCode()).as(made.stderr()).isZero();

        String certificate = cas.sign(new UserCertificateRequest(OpenSsh.publicKey(key), "alice", List.of(),
                List.of("alice"), Set.of(), Duration.ofMinutes(5), Map.of())).authorizedKey();

        assertThat(certificate).startsWith(certificateType + " ");
        // ssh-keygen parses the key fields embedded in the certificate and checks the CA's signature over them
        assertThat(OpenSsh.describe(dir, OpenSsh.writeCertificate(key, certificate)))
                .contains("Type: " + certificateType + " user certificate");
    }

    @Test
    void securityKeysAreCertifiable() {
        byte[] blob = new SshWriter().string("sk-ssh-ed25519@openssh.com").string(new byte[32]).string("ssh:")
                .toByteArray();

        SubjectPublicKey key = SubjectPublicKey.parse("publicKey", "sk-ssh-ed25519@openssh.com "
                + Base64.getEncoder().encodeToString(blob) + " yubikey");

        assertThat(key.certificateType()).isEqualTo("sk-ssh-ed25519-cert-v01@openssh.com");
        assertThat(key.spki()).as("no TLS with a security key").isNull();
    }

    @Test
    void unusableKeysAreRefusedWithTheReason() throws Exception {
        Path small = dir.resolve("id_rsa1024");
        OpenSsh.run(dir, "ssh-keygen", "-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", small.toString());
        String ed25519 = "ssh-ed25519 " + Base64.getEncoder().encodeToString(
                new SshWriter().string("ssh-ed25519").string(new byte[32]).toByteArray());
        String dss = "ssh-dss " + Base64.getEncoder().encodeToString(new SshWriter().string("ssh-dss").toByteArray());

        assertRefused(null, "publicKey: a public key is required (e.g. the content of ~/.ssh/id_ed25519.pub)");
        assertRefused("AAAAC3NzaC1lZDI1NTE5", "publicKey: expected \"TYPE BASE64 [COMMENT]\" as in a .pub file");
        assertRefused(dss, "publicKey: unsupported key type \"ssh-dss\"; use ssh-ed25519, ecdsa-sha2-nistp256/384/521,"
                + " ssh-rsa (2048 bits or more), sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com");
        assertRefused(OpenSsh.publicKey(small), "publicKey: RSA keys need 2048 bits or more, this one has 1024");
        assertRefused("ssh-ed25519 not*base64", "publicKey: the key is not valid base64");
        assertRefused(ed25519.replace("ssh-ed25519 ", "ssh-rsa "),
                "publicKey: the key says it is \"ssh-ed25519\" but is labelled \"ssh-rsa\"");
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(
                new SshWriter().string("ssh-ed25519").string(new byte[31]).toByteArray()),
                "publicKey: malformed ssh-ed25519 key: an Ed25519 key has 32 bytes, this one 31");
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(
                new SshWriter().string("ssh-ed25519").string(new byte[32]).uint32(0).toByteArray()),
                "publicKey: malformed ssh-ed25519 key: extra bytes after the key");
        assertRefused("ssh-ed25519-cert-v01@openssh.com AAAA",
                "publicKey: \"ssh-ed25519-cert-v01@openssh.com\" is a certificate; send the plain public key");
        assertRefused("ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(new SshWriter()
                .string("ecdsa-sha2-nistp256").string("nistp256").string(offCurvePoint()).toByteArray()),
                "publicKey: malformed ecdsa-sha2-nistp256 key: the point is not on nistp256");
    }

    private static byte[] offCurvePoint() {
        byte[] point = new byte[65];
        point[0] = 4;
        point[64] = 1;
        return point;
    }

    private static void assertRefused(String publicKey, String message) {
        assertThatThrownBy(() -> cas.sign(new UserCertificateRequest(publicKey, "alice", List.of(), List.of("alice"),
                Set.of(), Duration.ofMinutes(5), Map.of()))).isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessage(message);
    }
}
