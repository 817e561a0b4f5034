package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void needsAtLeastTwelveCharacters() {
        assertThatThrownBy(() -> PasswordPolicy.acceptNew("elevenchars".toCharArray()))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessage("password is too short: it needs at least 12 characters, this one has 11");
        assertThatThrownBy(() -> PasswordPolicy.acceptNew(new char[0]))
                .hasMessage("password is empty: it needs at least 12 characters");
        assertThat(PasswordPolicy.acceptNew("twelve chars".toCharArray())).hasSize(12);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String twelveEmoji = "\uD83D\uDD11".repeat(12); // 12 × U+1F511, 24 UTF-16 units, 48 bytes
        String elevenEmoji = "\uD83D\uDD11".repeat(11);

        assertThat(PasswordPolicy.acceptNew(twelveEmoji.toCharArray())).hasSize(48);
        assertThatThrownBy(() -> PasswordPolicy.acceptNew(elevenEmoji.toCharArray()))
                .hasMessageContaining("this one has 11");
    }

    @Test
    void refusesWhatBcryptWouldCutOffAt72Bytes() {
        assertThat(PasswordPolicy.acceptNew("a".repeat(72).toCharArray())).hasSize(72);
        assertThatThrownBy(() -> PasswordPolicy.acceptNew("a".repeat(73).toCharArray()))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessage("password is too long: at most 72 bytes in UTF-8 (72 plain ASCII characters, fewer with"
                        + " accents or other scripts), this one has 73; bcrypt would ignore the rest");
        // 37 characters, but 74 bytes in UTF-8
        assertThatThrownBy(() -> PasswordPolicy.acceptNew("é".repeat(37).toCharArray()))
                .hasMessageContaining("this one has 74");
        assertThatThrownBy(() -> PasswordPolicy.acceptNew("a".repeat(100_000).toCharArray()))
                .hasMessageContaining("this one has more than 288");
    }

    @Test
    void theSamePasswordTypedDifferentlyGivesTheSameBytes() {
        String composed = "caf\u00e9 au lait!"; // é as one code point
        String decomposed = "cafe\u0301 au lait!"; // e + combining acute accent
        String ligature = "\ufb01ne and dandy"; // ﬁ, as some keyboards and PDFs produce it

        assertThat(PasswordPolicy.acceptNew(composed.toCharArray()))
                .isEqualTo(PasswordPolicy.acceptNew(decomposed.toCharArray()));
        assertThat(PasswordPolicy.acceptNew(ligature.toCharArray()))
                .isEqualTo("fine and dandy".getBytes(StandardCharsets.UTF_8));
        assertThat(PasswordPolicy.forCheck(decomposed.toCharArray()))
                .isEqualTo(PasswordPolicy.acceptNew(composed.toCharArray()));
    }

    @Test
    void aTypedPasswordLongerThanAnyAcceptedOneIsNotChecked() {
        assertThat(PasswordPolicy.forCheck("a".repeat(72).toCharArray())).hasSize(72);
        assertThat(PasswordPolicy.forCheck("a".repeat(73).toCharArray())).isNull();
        assertThat(PasswordPolicy.forCheck(null)).isNull();
    }
}
