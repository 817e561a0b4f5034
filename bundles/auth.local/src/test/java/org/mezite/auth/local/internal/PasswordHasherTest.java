package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4, new SecureRandom());

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hashesAsBcrypt2bWithTheConfiguredCostAndARandomSalt() {
        String a = hasher.hash(bytes("correct horse battery"));
        String b = hasher.hash(bytes("correct horse battery"));

        assertThat(a).startsWith("$2b$04$").hasSize(60);
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.matches(a, bytes("correct horse battery"))).isTrue();
        assertThat(hasher.matches(a, bytes("correct horse batterY"))).isFalse();
    }

    @Test
    void hashesOfALowerCostAreOutdated() {
        PasswordHasher stronger = new PasswordHasher(5, new SecureRandom());
        String old = hasher.hash(bytes("correct horse battery"));

        assertThat(stronger.outdated(old)).isTrue();
        assertThat(hasher.outdated(old)).isFalse();
        assertThat(hasher.outdated(stronger.hash(bytes("x")))).isFalse();
    }

    @Test
    void aStoredHashThatIsNotBcryptIsAServerProblem() {
        assertThatThrownBy(() -> hasher.matches("plain text", bytes("plain text")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the stored password hash is not a bcrypt hash");
    }

    /** Why the policy refuses passwords over 72 bytes: bcrypt would accept any password with the same first 72. */
    @Test
    void bcryptIgnoresEverythingAfter72Bytes() {
        byte[] salt = new byte[16];
        String hash = OpenBSDBCrypt.generate("2b", bytes("a".repeat(72) + "secret tail"), salt, 4);

        assertThat(OpenBSDBCrypt.checkPassword(hash, bytes("a".repeat(72) + "anything else"))).isTrue();
    }
}
