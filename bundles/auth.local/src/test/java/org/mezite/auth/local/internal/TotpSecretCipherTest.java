package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class TotpSecretCipherTest {

    private final TotpSecretCipher cipher = new TotpKeys(LocalUsersFixture.masterKey(1)).cipher(new SecureRandom());
    private final byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void decryptsWhatItEncryptedForTheSameUser() {
        byte[] stored = cipher.encrypt(secret, "user-1");

        assertThat(stored).hasSize(1 + 12 + 20 + 16);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("1234567890");
        assertThat(cipher.decrypt(stored, "user-1")).isEqualTo(secret);
        assertThat(cipher.encrypt(secret, "user-1")).isNotEqualTo(stored); // a fresh nonce each time
    }

    @Test
    void aSecretMovedToAnotherUserDoesNotDecrypt() {
        byte[] stored = cipher.encrypt(secret, "user-1");

        assertThatThrownBy(() -> cipher.decrypt(stored, "user-2"))
                .isInstanceOf(TotpSecretCipher.UnreadableSecretException.class);
    }

    @Test
    void anotherKeyOrAChangedByteDoesNotDecrypt() {
        byte[] stored = cipher.encrypt(secret, "user-1");
        TotpSecretCipher other = new TotpKeys(LocalUsersFixture.masterKey(2)).cipher(new SecureRandom());
        byte[] tampered = stored.clone();
        tampered[20] ^= 1;

        assertThatThrownBy(() -> other.decrypt(stored, "user-1"))
                .isInstanceOf(TotpSecretCipher.UnreadableSecretException.class)
                .hasMessage("encrypted with another key, or for another user");
        assertThatThrownBy(() -> cipher.decrypt(tampered, "user-1"))
                .isInstanceOf(TotpSecretCipher.UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.decrypt(secret, "user-1"))
                .isInstanceOf(TotpSecretCipher.UnreadableSecretException.class)
                .hasMessage("not in a format this version writes");
    }

    @Test
    void enrollmentSecretsAre160BitsAndDifferPerToken() {
        TotpKeys keys = new TotpKeys(LocalUsersFixture.masterKey(1));

        assertThat(keys.enrollmentSecret("a".repeat(64))).hasSize(20)
                .isEqualTo(keys.enrollmentSecret("a".repeat(64)))
                .isNotEqualTo(keys.enrollmentSecret("b".repeat(64)))
                .isNotEqualTo(new TotpKeys(LocalUsersFixture.masterKey(2)).enrollmentSecret("a".repeat(64)));
    }
}
