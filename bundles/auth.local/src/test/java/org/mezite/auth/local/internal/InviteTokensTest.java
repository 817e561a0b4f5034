package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class InviteTokensTest {

    private final InviteTokens tokens = new InviteTokens(new SecureRandom());

    @Test
    void tokensAre256RandomBitsInHex() {
        String a = tokens.newToken();
        String b = tokens.newToken();

        assertThat(a).matches("[0-9a-f]{64}");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void onlyTheSha256IsStored() {
        assertThat(InviteTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void acceptsATokenPastedWithSpacesOrInUpperCase() {
        String token = tokens.newToken();

        assertThat(InviteTokens.canonical("  " + token.toUpperCase() + "\n")).hasValue(token);
        assertThat(InviteTokens.canonical(token.substring(1))).isEmpty();
        assertThat(InviteTokens.canonical(token.replace(token.charAt(0), 'g'))).isEmpty();
        assertThat(InviteTokens.canonical(null)).isEmpty();
    }
}
