package org.mezite.proxy.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 keys as msh makes them, in OpenSSH public key format. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The 32-byte public point: the tail of the 44-byte SubjectPublicKeyInfo. */
    static byte[] point(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    static String openSsh(PublicKey key) throws IOException {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(blob);
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        out.writeInt(type.length);
        out.write(type);
        byte[] point = point(key);
        out.writeInt(point.length);
        out.write(point);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " alice@laptop";
    }
}
