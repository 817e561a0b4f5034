package org.mezite.auth.internal.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashesTest {

    @Test
    void comparesHashesExactly() {
        String hash = TokenHashes.hash("ab".repeat(32));

        assertThat(TokenHashes.same(hash, hash)).isTrue();
        assertThat(TokenHashes.same(hash, hash.toUpperCase())).isFalse();
        assertThat(TokenHashes.same(hash, hash + " ")).isFalse();
        assertThat(TokenHashes.same(hash, hash.substring(1))).isFalse();
        assertThat(TokenHashes.same(hash, null)).isFalse();
    }

    @Test
    void theIdIsTheHashsPrefix() {
        String hash = TokenHashes.hash("ab".repeat(32));

        assertThat(TokenHashes.id(hash)).hasSize(16).isEqualTo(hash.substring(0, 16));
        assertThat(TokenHashes.canonicalId(" " + TokenHashes.id(hash).toUpperCase() + " ")).contains(TokenHashes.id(hash));
        assertThat(TokenHashes.canonicalId(hash)).isEmpty();
    }
}
