package org.mezite.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * ECDSA P-256 key pairs in files the stock OpenSSH client reads: the private key as unencrypted PKCS#8 PEM
 * ({@code BEGIN PRIVATE KEY}, which OpenSSH reads for ECDSA keys but not for Ed25519 ones, hence P-256) and the public
 * key on one line ({@code ecdsa-sha2-nistp256 AAAA...}). Files are only ever created, never overwritten.
 */
final class OpenSshKeyFiles {

    static final String KEY_TYPE = "ecdsa-sha2-nistp256";
    private static final String CURVE = "nistp256";

    private OpenSshKeyFiles() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make ECDSA P-256 keys: " + e.getMessage(), e);
        }
    }

    /** {@code ecdsa-sha2-nistp256 AAAA...}: the SSH wire encoding of type, curve and the uncompressed point. */
    static String publicKeyLine(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        unsigned32(key.getW().getAffineX(), point, 1);
        unsigned32(key.getW().getAffineY(), point, 33);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        string(blob, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
        string(blob, CURVE.getBytes(StandardCharsets.US_ASCII));
        string(blob, point);
        return KEY_TYPE + " " + Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    static String privateKeyPem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * Writes the private key readable by its owner only (OpenSSH refuses a key others can read), the mode set as
     * the file is created so it is never readable by others for a moment.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, privateKeyPem(key), StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    }

    /**
     * Writes a public file: a key, a certificate.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    static void writePublic(Path file, String content) throws IOException {
        Files.writeString(file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static void string(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 24);
        out.write(value.length >>> 16);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    /** A coordinate as exactly 32 big-endian bytes: BigInteger adds a sign byte or drops leading zeros. */
    private static void unsigned32(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }
}
