package org.mezite.agent.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keys in OpenSSH's formats: public keys on one line, as Auth takes them ({@code ssh-ed25519 AAAA...}), and the
 * Ed25519 host key as an unencrypted {@code OPENSSH PRIVATE KEY} file, which {@code ssh-keygen} and {@code sshd} read.
 */
final class OpenSshKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String ED25519 = "ssh-ed25519";
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";

    private OpenSshKeys() {
    }

    /**
     * @param key an Ed25519 or ECDSA P-256 public key
     * @throws IllegalArgumentException for other keys
     */
    static String format(PublicKey key) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        String type;
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            type = "ecdsa-sha2-nistp256";
            string(blob, type.getBytes(StandardCharsets.US_ASCII));
            string(blob, "nistp256".getBytes(StandardCharsets.US_ASCII));
            byte[] point = new byte[65];
            point[0] = 4; // uncompressed
            unsigned(ec.getW().getAffineX(), point, 1);
            unsigned(ec.getW().getAffineY(), point, 33);
            string(blob, point);
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            type = ED25519;
            blob.writeBytes(ed25519Blob(key));
        } else {
            throw new IllegalArgumentException("only Ed25519 and ECDSA P-256 keys are used, not " + key.getAlgorithm());
        }
        return type + " " + Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    /** An Ed25519 key pair as OpenSSH writes {@code ssh_host_ed25519_key}: unencrypted, with a comment. */
    static String privateKey(KeyPair pair, String comment) {
        byte[] publicBlob = ed25519Blob(pair.getPublic());
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key cannot be exported"));
        byte[] raw = Arrays.copyOfRange(publicBlob, publicBlob.length - 32, publicBlob.length);
        ByteArrayOutputStream secret = new ByteArrayOutputStream();
        int check = new SecureRandom().nextInt();
        secret.writeBytes(ByteBuffer.allocate(8).putInt(check).putInt(check).array());
        string(secret, ED25519.getBytes(StandardCharsets.US_ASCII));
        string(secret, raw);
        byte[] both = new byte[64];
        System.arraycopy(seed, 0, both, 0, 32);
        System.arraycopy(raw, 0, both, 32, 32);
        string(secret, both);
        Arrays.fill(both, (byte) 0);
        string(secret, comment.getBytes(StandardCharsets.UTF_8));
        for (int pad = 1; secret.size() % 8 != 0; pad++) {
            secret.write(pad);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(MAGIC);
        string(file, "none".getBytes(StandardCharsets.US_ASCII)); // cipher
        string(file, "none".getBytes(StandardCharsets.US_ASCII)); // KDF
        string(file, new byte[0]); // KDF options
        file.writeBytes(ByteBuffer.allocate(4).putInt(1).array());
        string(file, publicBlob);
        string(file, secret.toByteArray());
        return BEGIN + "\n" + Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(file.toByteArray()) + "\n"
                + END + "\n";
    }

    /**
     * Reads what {@link #privateKey(KeyPair, String)} writes.
     *
     * @throws GeneralSecurityException when the text is not an unencrypted OpenSSH Ed25519 key
     */
    static KeyPair readPrivateKey(String text) throws GeneralSecurityException {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("no OPENSSH PRIVATE KEY in it");
        }
        try {
            ByteBuffer file = ByteBuffer.wrap(Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(),
                    end)));
            byte[] magic = new byte[MAGIC.length];
            file.get(magic);
            if (!Arrays.equals(magic, MAGIC) || !"none".equals(text(file)) || !"none".equals(text(file))) {
                throw new GeneralSecurityException("not an unencrypted OpenSSH private key");
            }
            read(file); // KDF options
            if (file.getInt() != 1) {
                throw new GeneralSecurityException("not one key");
            }
            read(file); // the public key, again in the private section
            ByteBuffer secret = ByteBuffer.wrap(read(file));
            if (secret.getInt() != secret.getInt() || !ED25519.equals(text(secret))) {
                throw new GeneralSecurityException("not an Ed25519 key");
            }
            byte[] raw = read(secret);
            byte[] both = read(secret);
            if (raw.length != 32 || both.length != 64) {
                throw new GeneralSecurityException("not an Ed25519 key");
            }
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(spki));
            PrivateKey privateKey = keys.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                    Arrays.copyOf(both, 32)));
            Arrays.fill(both, (byte) 0);
            return new KeyPair(publicKey, privateKey);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new GeneralSecurityException("the OpenSSH private key is cut short or damaged", e);
        }
    }

    private static byte[] ed25519Blob(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != ED25519_SPKI_PREFIX.length + 32
                || !Arrays.equals(spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
                        ED25519_SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
        }
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        string(blob, ED25519.getBytes(StandardCharsets.US_ASCII));
        string(blob, Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length));
        return blob.toByteArray();
    }

    private static byte[] read(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static String text(ByteBuffer buffer) {
        return new String(read(buffer), StandardCharsets.US_ASCII);
    }

    private static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** A coordinate as exactly 32 big-endian bytes. */
    private static void unsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }
}
