package org.mezite.admin.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate and key files as msh login and mezite:cert-sign leave them, and what goes wrong with them. */
class AdminIdentityTest {

    @TempDir
    Path dir;

    @Test
    void readsMshLoginsOpenSshKeyAndCertificate() throws IOException {
        Path key = TestCa.mshLogin(dir, "alice", List.of("editor"), Duration.ofHours(1));

        AdminIdentity identity = AdminIdentity.load(TestCa.certificateOf(key), key);

        assertThat(identity.subject()).isEqualTo("CN=alice,O=editor");
        assertThat(identity.key().getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(identity.chain()).containsExactly(identity.certificate());
        assertThat(identity.toString()).doesNotContain(identity.key().toString()).contains("key=****");
    }

    @Test
    void readsCertSignsPkcs8Key() throws IOException {
        Path key = TestCa.certSign(dir, "robot", List.of("editor"));

        AdminIdentity identity = AdminIdentity.load(TestCa.certificateOf(key), key);

        assertThat(identity.subject()).isEqualTo("CN=robot,O=editor");
        assertThat(identity.key().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void whatCannotBeUsedIsNamedWithItsFile() throws IOException {
        Path alice = TestCa.mshLogin(dir, "alice", List.of("editor"), Duration.ofHours(1));
        Path bob = TestCa.mshLogin(dir, "bob", List.of("editor"), Duration.ofHours(1));
        Path missing = dir.resolve("missing");
        Path text = Files.writeString(dir.resolve("text"), "hello\n");

        assertInvalid(missing, alice, "etc/org.mezite.admin.remote.cfg: certificate: " + missing
                + " does not exist");
        assertInvalid(text, alice, "etc/org.mezite.admin.remote.cfg: certificate: " + text
                + " is not a PEM certificate: No certificate data found");
        assertInvalid(TestCa.certificateOf(alice), missing, "etc/org.mezite.admin.remote.cfg: key: " + missing
                + " does not exist");
        assertInvalid(TestCa.certificateOf(alice), text, "etc/org.mezite.admin.remote.cfg: key: " + text
                + " is not a usable private key: it holds no \"BEGIN PRIVATE KEY\" or \"BEGIN OPENSSH PRIVATE KEY\""
                + " block");
        assertInvalid(TestCa.certificateOf(alice), bob, "etc/org.mezite.admin.remote.cfg: key: " + bob
                + " is not the key of the certificate");
    }

    private static void assertInvalid(Path certificate, Path key, String message) {
        assertThatThrownBy(() -> AdminIdentity.load(certificate, key))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
