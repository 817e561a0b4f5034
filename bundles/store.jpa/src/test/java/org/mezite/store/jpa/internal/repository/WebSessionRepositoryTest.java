package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.WebSession;
import org.mezite.api.store.WebSessionRepository;
import org.mezite.store.jpa.internal.Stores;

class WebSessionRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static WebSessionRepository sessions(DatabaseKind kind) {
        return new JpaWebSessionRepository(STORES.store(kind));
    }

    private static String user(DatabaseKind kind) {
        String name = Unique.name("web");
        new JpaUserRepository(STORES.store(kind)).create(name, List.of(), Map.of());
        return name;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSessionIsValidUntilItExpiresOrEnds(DatabaseKind kind) {
        String user = user(kind);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = Unique.name("cookie");
        WebSession created = sessions(kind).create(hash, user, now.plusSeconds(3600));

        assertThat(sessions(kind).findValid(hash, now)).contains(created);
        assertThat(sessions(kind).findValid(hash, now.plusSeconds(3600))).isEmpty();
        assertThat(sessions(kind).delete(hash)).isTrue();
        assertThat(sessions(kind).findValid(hash, now)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void logsAUserOutEverywhereAndWhenDeleted(DatabaseKind kind) {
        String user = user(kind);
        Instant now = Instant.now();
        String a = Unique.name("a");
        String b = Unique.name("b");
        sessions(kind).create(a, user, now.plusSeconds(60));
        sessions(kind).create(b, user, now.plusSeconds(60));

        assertThat(sessions(kind).deleteByUser(user)).isEqualTo(2);

        String c = Unique.name("c");
        sessions(kind).create(c, user, now.plusSeconds(60));
        new JpaUserRepository(STORES.store(kind)).delete(user);
        assertThat(sessions(kind).findValid(c, now)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void needsAnExistingUserAndCleansUpExpired(DatabaseKind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String ghost = Unique.name("ghost");
        assertThatThrownBy(() -> sessions(kind).create(Unique.name("x"), ghost, now.plusSeconds(60)))
                .isInstanceOf(NotFoundException.class).hasMessage("user \"" + ghost + "\" does not exist");

        String old = Unique.name("old");
        sessions(kind).create(old, user(kind), now.minusSeconds(1));
        assertThat(sessions(kind).deleteExpired(now)).isGreaterThanOrEqualTo(1);
        assertThat(sessions(kind).delete(old)).isFalse();
    }
}
