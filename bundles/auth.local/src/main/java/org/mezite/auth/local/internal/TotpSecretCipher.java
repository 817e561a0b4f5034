package org.mezite.auth.local.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts TOTP secrets for the {@code users.totp_secret} column with AES-256-GCM: a format byte, a random 96-bit
 * nonce, then the ciphertext with its tag. The user's id is authenticated along, so a secret copied to another user's
 * row does not decrypt there.
 */
final class TotpSecretCipher {

    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    TotpSecretCipher(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    byte[] encrypt(byte[] secret, String userId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(userId));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_V1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @throws UnreadableSecretException when the bytes were not made by {@link #encrypt} with this key for this user
     */
    byte[] decrypt(byte[] stored, String userId) {
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != FORMAT_V1) {
            throw new UnreadableSecretException("not in a format this version writes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(userId));
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableSecretException("encrypted with another key, or for another user");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(String userId) {
        return ("mezite totp secret of user " + userId).getBytes(StandardCharsets.UTF_8);
    }

    /** A stored TOTP secret that this key cannot decrypt. */
    static final class UnreadableSecretException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadableSecretException(String message) {
            super(message);
        }
    }
}
