package org.mezite.auth.local.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys derived from the configured TOTP key (32 bytes): one that encrypts TOTP secrets in the database, and one
 * that derives each invite's TOTP secret from its token. Separate keys, so that neither use can be turned against the
 * other.
 * <p>
 * Why derive enrollment secrets: signup takes two calls (show the secret, then confirm it with a code). Deriving the
 * secret from the token keeps no state between them, survives a restart or a fail-over, and shows a user who runs
 * signup again the secret they may already have scanned. A different token (after a reset) gives a different secret.
 */
final class TotpKeys {

    static final int KEY_BYTES = 32;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec enrollmentKey;

    TotpKeys(byte[] masterKey) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("a TOTP key has " + KEY_BYTES + " bytes, not " + masterKey.length);
        }
        SecretKeySpec master = new SecretKeySpec(masterKey, "HmacSHA256");
        encryptionKey = new SecretKeySpec(hmac(master, "mezite totp secret encryption v1"), "AES");
        enrollmentKey = new SecretKeySpec(hmac(master, "mezite totp enrollment v1"), "HmacSHA256");
    }

    TotpSecretCipher cipher(SecureRandom random) {
        return new TotpSecretCipher(encryptionKey, random);
    }

    /** The TOTP secret that the invite with this token enrolls. */
    byte[] enrollmentSecret(String token) {
        return Arrays.copyOf(hmac(enrollmentKey, token), Totp.SECRET_BYTES);
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
