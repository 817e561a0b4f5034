package org.mezite.admin.remote.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * Reads the unencrypted Ed25519 key of an OpenSSH private key file ({@code openssh-key-v1}, PROTOCOL.key in
 * OpenSSH), the form {@code msh login} and {@code ssh-keygen -t ed25519 -N ''} write.
 */
final class OpenSshPrivateKey {

    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String ED25519 = "ssh-ed25519";
    /** PKCS#8 for an Ed25519 key up to the 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
        0x70, 0x04, 0x22, 0x04, 0x20};

    private OpenSshPrivateKey() {
    }

    /**
     * @param file the base64-decoded body of the {@code OPENSSH PRIVATE KEY} block
     * @throws GeneralSecurityException saying why it cannot be used
     */
    static PrivateKey ed25519(byte[] file) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(file);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new GeneralSecurityException("not an openssh-key-v1 key");
            }
            String cipher = text(in);
            text(in); // kdf name
            bytes(in); // kdf options
            if (!"none".equals(cipher)) {
                throw new GeneralSecurityException("it is encrypted (" + cipher + "); the hub needs it unencrypted");
            }
            if (in.getInt() != 1) {
                throw new GeneralSecurityException("it holds more than one key");
            }
            bytes(in); // public key
            ByteBuffer secret = ByteBuffer.wrap(bytes(in));
            if (secret.getInt() != secret.getInt()) {
                throw new GeneralSecurityException("its check numbers differ (a damaged file?)");
            }
            String type = text(secret);
            if (!ED25519.equals(type)) {
                throw new GeneralSecurityException("it is a " + type + " key; OpenSSH key files are read for "
                        + ED25519 + " only (use a PKCS#8 PEM key for others)");
            }
            bytes(secret); // public point
            byte[] seedAndPoint = bytes(secret);
            if (seedAndPoint.length != 64) {
                throw new GeneralSecurityException("its Ed25519 key is " + seedAndPoint.length + " bytes, not 64");
            }
            byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
            System.arraycopy(seedAndPoint, 0, pkcs8, PKCS8_PREFIX.length, 32);
            Arrays.fill(seedAndPoint, (byte) 0);
            try {
                return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new GeneralSecurityException("it ends early or is damaged");
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length " + length);
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String text(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.US_ASCII);
    }
}
