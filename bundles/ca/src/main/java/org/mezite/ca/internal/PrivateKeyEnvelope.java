package org.mezite.ca.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Encrypts private keys at rest: a key derived from the passphrase with Argon2id encrypts the key with AES-256-GCM.
 * The envelope is versioned and carries its own KDF parameters and salt, so that parameters can change later and old
 * keys still open.
 *
 * <pre>
 * version 1, big-endian:
 *   "MZKW"                 magic
 *   u8   1                 version
 *   u8   flags             bit 0: a passphrase was set (else the passphrase is empty)
 *   u8   1                 KDF: Argon2id v1.3
 *   u32  memory KiB, u32 iterations, u8 parallelism
 *   u8   salt length, salt
 *   u8   nonce length, nonce
 *   ...  AES-256-GCM ciphertext and 16-byte tag
 * </pre>
 *
 * The additional authenticated data is the header (everything before the ciphertext) followed by a context the caller
 * names (the CA's cluster and type), so an envelope moved to another row or with edited parameters does not open.
 */
final class PrivateKeyEnvelope {

    static final int VERSION = 1;
    private static final byte[] MAGIC = "MZKW".getBytes(StandardCharsets.US_ASCII);
    private static final int FLAG_PASSPHRASE = 1;
    private static final int KDF_ARGON2ID = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] passphrase;
    private final KdfParameters parameters;
    private final SecureRandom random;

    /**
     * @param passphrase the passphrase, empty for none; copied, so the caller may clear its array
     * @param parameters the KDF cost for new envelopes (old envelopes open with their own)
     */
    PrivateKeyEnvelope(byte[] passphrase, KdfParameters parameters, SecureRandom random) {
        this.passphrase = passphrase.clone();
        this.parameters = parameters;
        this.random = random;
    }

    boolean hasPassphrase() {
        return passphrase.length > 0;
    }

    byte[] seal(byte[] plaintext, String context) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 3 + 9 + 2 + SALT_BYTES + NONCE_BYTES);
        header.put(MAGIC).put((byte) VERSION).put((byte) (hasPassphrase() ? FLAG_PASSPHRASE : 0))
                .put((byte) KDF_ARGON2ID).putInt(parameters.memoryKiB()).putInt(parameters.iterations())
                .put((byte) parameters.parallelism()).put((byte) SALT_BYTES).put(salt).put((byte) NONCE_BYTES)
                .put(nonce);
        byte[] headerBytes = header.array();
        byte[] key = deriveKey(parameters, salt);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, headerBytes, context);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(headerBytes.length + ciphertext.length).put(headerBytes).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** @throws KeyUnwrapException with the reason: a wrong, missing or surplus passphrase, or a damaged envelope */
    byte[] open(byte[] envelope, String context) throws KeyUnwrapException {
        ByteBuffer in = ByteBuffer.wrap(envelope);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new KeyUnwrapException("it is not in Mezite's encrypted key format");
            }
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new KeyUnwrapException("it is in key format version " + version
                        + ", which this version of Mezite does not know (it knows " + VERSION + ")");
            }
            boolean sealedWithPassphrase = (in.get() & FLAG_PASSPHRASE) != 0;
            int kdf = in.get() & 0xff;
            if (kdf != KDF_ARGON2ID) {
                throw new KeyUnwrapException("it names an unknown key derivation function (" + kdf + ")");
            }
            KdfParameters stored;
            try {
                stored = new KdfParameters(in.getInt(), in.getInt(), in.get() & 0xff);
            } catch (IllegalArgumentException e) {
                throw new KeyUnwrapException("its key derivation parameters are out of bounds: " + e.getMessage());
            }
            byte[] salt = new byte[in.get() & 0xff];
            in.get(salt);
            byte[] nonce = new byte[in.get() & 0xff];
            in.get(nonce);
            if (salt.length < SALT_BYTES || nonce.length != NONCE_BYTES) {
                throw new KeyUnwrapException("its salt or nonce has the wrong length");
            }
            if (sealedWithPassphrase && !hasPassphrase()) {
                throw new KeyUnwrapException("it is protected by a passphrase and ca_key_passphrase is not set");
            }
            if (!sealedWithPassphrase && hasPassphrase()) {
                throw new KeyUnwrapException("it was stored without a passphrase, before ca_key_passphrase was set;"
                        + " unset ca_key_passphrase (changing the passphrase of stored keys is not supported yet)");
            }
            byte[] headerBytes = Arrays.copyOfRange(envelope, 0, in.position());
            byte[] ciphertext = Arrays.copyOfRange(envelope, in.position(), envelope.length);
            byte[] key = deriveKey(stored, salt);
            try {
                return cipher(Cipher.DECRYPT_MODE, key, nonce, headerBytes, context).doFinal(ciphertext);
            } catch (AEADBadTagException e) {
                throw new KeyUnwrapException("wrong ca_key_passphrase?");
            } catch (GeneralSecurityException e) {
                throw new KeyUnwrapException("it is damaged (" + e.getClass().getSimpleName() + ")");
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (BufferUnderflowException e) {
            throw new KeyUnwrapException("it is truncated");
        }
    }

    private byte[] deriveKey(KdfParameters kdf, byte[] salt) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(kdf.memoryKiB())
                .withIterations(kdf.iterations()).withParallelism(kdf.parallelism()).withSalt(salt);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] key = new byte[32];
        generator.generateBytes(passphrase, key);
        return key;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] header, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "PrivateKeyEnvelope[passphrase=" + (hasPassphrase() ? "****" : "(none)") + ", " + parameters + "]";
    }
}
