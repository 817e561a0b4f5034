package org.mezite.auth.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Key pairs as an agent makes them, with their public halves in OpenSSH format. */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ssh-ed25519 AAAA...} or {@code ecdsa-sha2-nistp256 AAAA...}. */
    public static String openSsh(KeyPair pair) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(blob)) {
            if (pair.getPublic() instanceof ECPublicKey ec) {
                write(out, "ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII));
                write(out, "nistp256".getBytes(StandardCharsets.US_ASCII));
                byte[] point = new byte[65];
                point[0] = 4;
                copy(ec.getW().getAffineX(), point, 1);
                copy(ec.getW().getAffineY(), point, 33);
                write(out, point);
                return "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob.toByteArray());
            }
            byte[] spki = pair.getPublic().getEncoded();
            write(out, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
            write(out, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void copy(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }
}
