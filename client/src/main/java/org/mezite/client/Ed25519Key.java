package org.mezite.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A fresh Ed25519 key pair (from the JDK) in OpenSSH's formats: the public key line of a {@code .pub} file and the
 * unencrypted {@code openssh-key-v1} private key that {@code ssh} and {@code ssh-keygen} read. The key lives as long
 * as the certificate it is made for, so it is not encrypted; its file is readable by its owner only.
 */
final class Ed25519Key {

    static final String TYPE = "ssh-ed25519";
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte point follows. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int BLOCK = 8;

    private final byte[] publicPoint;
    private final byte[] seed;
    private final String comment;

    Ed25519Key(byte[] publicPoint, byte[] seed, String comment) {
        this.publicPoint = publicPoint.clone();
        this.seed = seed.clone();
        this.comment = comment;
    }

    static Ed25519Key generate(String comment) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            if (spki.length != SPKI_PREFIX.length + 32
                    || !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
                throw new IllegalStateException("unexpected Ed25519 public key encoding from the JVM");
            }
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JVM does not reveal the Ed25519 key bytes"));
            Ed25519Key key = new Ed25519Key(Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length), seed, comment);
            Arrays.fill(seed, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /** The public key in SSH wire format. */
    byte[] publicBlob() {
        return new SshWire.Writer().string(TYPE).string(publicPoint).toByteArray();
    }

    /** {@code ssh-ed25519 AAAA... comment}, one line of a {@code .pub} file. */
    String publicKeyLine() {
        return TYPE + " " + Base64.getEncoder().encodeToString(publicBlob()) + " " + comment;
    }

    /** The private key file, as {@code ssh-keygen} writes it without a passphrase (PROTOCOL.key in OpenSSH). */
    String openSshPrivateKey() {
        int check = new SecureRandom().nextInt();
        byte[] secret = new byte[64]; // OpenSSH stores the seed followed by the public point
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(publicPoint, 0, secret, 32, 32);
        SshWire.Writer keys = new SshWire.Writer().uint32(check).uint32(check).string(TYPE).string(publicPoint)
                .string(secret).string(comment);
        for (int pad = 1; keys.size() % BLOCK != 0; pad++) {
            keys.raw(new byte[] {(byte) pad});
        }
        byte[] privateSection = keys.toByteArray();
        byte[] file = new SshWire.Writer().raw("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII))
                .string("none").string("none").string(new byte[0]).uint32(1).string(publicBlob())
                .string(privateSection).toByteArray();
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(privateSection, (byte) 0);
        String body = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file);
        Arrays.fill(file, (byte) 0);
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }
}
