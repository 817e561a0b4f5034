package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

class OpenSshKeysTest {

    private final CertificateAuthorityService ca = TestCa.of(FakeHub.CLUSTER);

    @Test
    void ed25519KeysAreWrittenAsOpenSshDoesAndTheCaSignsThem() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        String line = OpenSshKeys.format(pair.getPublic());

        assertThat(line).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI");
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(line.substring("ssh-ed25519 ".length())));
        assertThat(string(blob)).isEqualTo("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        assertThat(string(blob)).hasSize(32);
        assertThat(blob.hasRemaining()).isFalse();
        assertThat(ca.sign(new HostCertificateRequest(line, "id", "node-01", List.of(), Duration.ofMinutes(5)))
                .principals()).containsExactly("id", "node-01");
    }

    @Test
    void p256KeysAreWrittenAsOpenSshDoesAndTheCaCertifiesThatVeryKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        for (int i = 0; i < 20; i++) { // coordinates with leading zero bytes come up now and then
            KeyPair pair = generator.generateKeyPair();

            String line = OpenSshKeys.format(pair.getPublic());

            assertThat(line).startsWith("ecdsa-sha2-nistp256 ");
            assertThat(ca.issue(line, new X509CertificateRequest(CaType.HOST, "id", List.of(), List.of(), List.of(),
                    Set.of(TlsUsage.CLIENT), Duration.ofMinutes(5))).certificate().getPublicKey())
                    .isEqualTo(pair.getPublic());
        }
    }

    @Test
    void anEd25519PrivateKeyIsWrittenAsOpenSshWritesItAndReadsBack() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        String file = OpenSshKeys.privateKey(pair, "mezd node x");
        KeyPair read = OpenSshKeys.readPrivateKey(file);

        assertThat(file).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n")
                .endsWith("\n-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(read.getPublic()).isEqualTo(pair.getPublic());
        assertThat(read.getPrivate()).isEqualTo(pair.getPrivate());
        assertThatThrownBy(() -> OpenSshKeys.readPrivateKey(file.replace("AAAA", "AAAB")))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void sshKeygenReadsThePrivateKeyAndFindsThePublicOne(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = Files.writeString(dir.resolve("ssh_host_ed25519_key"), OpenSshKeys.privateKey(pair, "test"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

        Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", key.toString()).redirectErrorStream(true)
                .start();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(keygen.waitFor()).as(output).isZero();
        assertThat(output).startsWith(OpenSshKeys.format(pair.getPublic()));
    }

    @Test
    void otherKeysAreRefused() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThatThrownBy(() -> OpenSshKeys.format(rsa.getPublic())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] string(ByteBuffer blob) {
        byte[] bytes = new byte[blob.getInt()];
        blob.get(bytes);
        return bytes;
    }
}
