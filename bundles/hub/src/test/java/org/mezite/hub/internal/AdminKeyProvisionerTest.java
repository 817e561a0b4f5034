package org.mezite.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyProvisionerTest {

    @TempDir
    Path etc;

    @Test
    void firstStartWritesAnOwnerOnlyKeyAndTheAdminEntry() throws Exception {
        Files.writeString(etc.resolve("keys.properties"), "# comment\nops=AAAA,_g_:admingroup\nadmin=OLD,_g_:admingroup\n");

        assertThat(AdminKeyProvisioner.provision(etc)).isTrue();

        Path key = etc.resolve("admin.key");
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        List<String> keys = Files.readAllLines(etc.resolve("keys.properties"));
        assertThat(keys).contains("# comment", "ops=AAAA,_g_:admingroup").doesNotContain("admin=OLD,_g_:admingroup");
        String entry = keys.stream().filter(l -> l.startsWith("admin=")).findFirst().orElseThrow();
        assertThat(entry).endsWith(",_g_:admingroup");
        byte[] blob = Base64.getDecoder().decode(entry.substring(6, entry.indexOf(',')));
        assertThat(new String(blob, 4, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ssh-rsa");

        String pem = Files.readString(key);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey priv = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(priv);
        sig.update(new byte[] {1, 2, 3});
        assertThat(sig.sign()).isNotEmpty();
    }

    @Test
    void anExistingKeyIsKept() throws Exception {
        assertThat(AdminKeyProvisioner.provision(etc)).isTrue();
        String first = Files.readString(etc.resolve("admin.key"));
        assertThat(AdminKeyProvisioner.provision(etc)).isFalse();
        assertThat(Files.readString(etc.resolve("admin.key"))).isEqualTo(first);
    }
}
