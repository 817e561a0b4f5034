package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.JoinToken;
import org.mezite.api.store.JoinTokenRepository;
import org.mezite.store.jpa.internal.Stores;

class JoinTokenRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static JoinTokenRepository tokens(DatabaseKind kind) {
        return new JpaJoinTokenRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTokenWorksOnceBeforeItExpires(DatabaseKind kind) {
        String hash = Unique.name("sha256");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JoinToken created = tokens(kind).create(hash, "node", Map.of("env", "prod"), now.plusSeconds(600));

        assertThat(created.usableAt(now)).isTrue();
        assertThat(tokens(kind).find(hash)).contains(created);
        assertThat(tokens(kind).list()).contains(created);

        JoinToken used = tokens(kind).consume(hash, now).orElseThrow();
        assertThat(used.usedAt()).isEqualTo(now);
        assertThat(used.labels()).containsEntry("env", "prod");
        assertThat(tokens(kind).consume(hash, now)).isEmpty();
        assertThat(tokens(kind).consume(Unique.name("unknown"), now)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anExpiredTokenDoesNotWorkAndIsCleanedUp(DatabaseKind kind) {
        String hash = Unique.name("sha256");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tokens(kind).create(hash, "node", Map.of(), now.minusSeconds(1));

        assertThat(tokens(kind).consume(hash, now)).isEmpty();
        assertThat(tokens(kind).deleteExpired(now)).isGreaterThanOrEqualTo(1);
        assertThat(tokens(kind).find(hash)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletesAndRefusesDuplicates(DatabaseKind kind) {
        String hash = Unique.name("sha256");
        tokens(kind).create(hash, "node", Map.of(), Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> tokens(kind).create(hash, "node", Map.of(), Instant.now().plusSeconds(60)))
                .isInstanceOf(ConflictException.class).hasMessage("join token already exists")
                .hasMessageNotContaining(hash);
        assertThat(tokens(kind).delete(hash)).isTrue();
        assertThat(tokens(kind).delete(hash)).isFalse();
    }
}
