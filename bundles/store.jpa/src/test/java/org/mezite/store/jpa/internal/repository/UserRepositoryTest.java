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
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.mezite.store.jpa.internal.Stores;

class UserRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static UserRepository users(DatabaseKind kind) {
        return new JpaUserRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void createsAndFindsAUserWithRolesAndTraits(DatabaseKind kind) {
        String name = Unique.name("alice");
        Map<String, List<String>> traits = Map.of("logins", List.of("root", "ubuntu"),
                "groups", List.of("dev \"ops\"", "ünïcode\n"));

        User created = users(kind).create(name, List.of("access", "editor"), traits);

        assertThat(created.id()).isNotBlank();
        assertThat(created.passwordHash()).isNull();
        assertThat(created.totpSecret()).isNull();
        assertThat(created.failedLogins()).isZero();
        assertThat(created.logins()).containsExactly("root", "ubuntu");
        assertThat(users(kind).findByUsername(name)).contains(created);
        assertThat(users(kind).findById(created.id())).contains(created);
        assertThat(users(kind).list()).contains(created);
        assertThat(users(kind).findByUsername(Unique.name("nobody"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTakenUsernameIsAClearConflict(DatabaseKind kind) {
        String name = Unique.name("bob");
        users(kind).create(name, List.of(), Map.of());

        assertThatThrownBy(() -> users(kind).create(name, List.of("other"), Map.of()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("user \"" + name + "\" already exists");
        assertThat(users(kind).list()).filteredOn(u -> u.username().equals(name)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void updatesRolesTraitsPasswordAndTotp(DatabaseKind kind) {
        String name = Unique.name("carol");
        User created = users(kind).create(name, List.of("access"), Map.of());

        User updated = users(kind).update(name, List.of("admin"), Map.of("logins", List.of("carol")));
        users(kind).setPasswordHash(name, "$2a$10$hash");
        users(kind).setTotpSecret(name, new byte[] {1, 2, 3});

        User read = users(kind).findByUsername(name).orElseThrow();
        assertThat(updated.roles()).containsExactly("admin");
        assertThat(read.roles()).containsExactly("admin");
        assertThat(read.logins()).containsExactly("carol");
        assertThat(read.passwordHash()).isEqualTo("$2a$10$hash");
        assertThat(read.totpSecret()).containsExactly(1, 2, 3);
        assertThat(read.createdAt()).isEqualTo(created.createdAt());
        assertThat(read.toString()).doesNotContain("$2a$10$hash");

        users(kind).setTotpSecret(name, null);
        assertThat(users(kind).findByUsername(name).orElseThrow().totpSecret()).isNull();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void countsFailedLoginsLocksAndClears(DatabaseKind kind) {
        String name = Unique.name("dave");
        users(kind).create(name, List.of(), Map.of());
        Instant until = Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

        assertThat(users(kind).recordLoginFailure(name)).isEqualTo(1);
        assertThat(users(kind).recordLoginFailure(name)).isEqualTo(2);
        users(kind).lockUntil(name, until);

        User locked = users(kind).findByUsername(name).orElseThrow();
        assertThat(locked.failedLogins()).isEqualTo(2);
        assertThat(locked.lockedUntil()).isEqualTo(until);
        assertThat(locked.lockedAt(until.minusSeconds(1))).isTrue();

        users(kind).clearLoginFailures(name);
        User cleared = users(kind).findByUsername(name).orElseThrow();
        assertThat(cleared.failedLogins()).isZero();
        assertThat(cleared.lockedUntil()).isNull();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changingAMissingUserSaysSo(DatabaseKind kind) {
        String name = Unique.name("ghost");
        String message = "user \"" + name + "\" does not exist";

        assertThatThrownBy(() -> users(kind).update(name, List.of(), Map.of())).isInstanceOf(NotFoundException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> users(kind).recordLoginFailure(name)).isInstanceOf(NotFoundException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> users(kind).lockUntil(name, Instant.now())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users(kind).setPasswordHash(name, "x")).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletesAUser(DatabaseKind kind) {
        String name = Unique.name("erin");
        users(kind).create(name, List.of(), Map.of());

        assertThat(users(kind).delete(name)).isTrue();
        assertThat(users(kind).delete(name)).isFalse();
        assertThat(users(kind).findByUsername(name)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTotpStepIsClaimedOnceAndNoEarlierOneAfterIt(DatabaseKind kind) {
        String name = Unique.name("dave");
        users(kind).create(name, List.of(), Map.of());

        assertThat(users(kind).claimTotpStep(name, 59_000_000L)).isTrue();
        assertThat(users(kind).claimTotpStep(name, 59_000_000L)).isFalse();
        assertThat(users(kind).claimTotpStep(name, 58_999_999L)).isFalse();
        assertThat(users(kind).claimTotpStep(name, 59_000_001L)).isTrue();
        assertThatThrownBy(() -> users(kind).claimTotpStep(Unique.name("nobody"), 1))
                .isInstanceOf(NotFoundException.class).hasMessageEndingWith("does not exist");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrentClaimsOfOneStepHaveOneWinner(DatabaseKind kind) throws Exception {
        String name = Unique.name("erin");
        users(kind).create(name, List.of(), Map.of());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Callable<Boolean> claim = () -> users(kind).claimTotpStep(name, 7L);
            long winners = 0;
            for (var r : pool.invokeAll(java.util.Collections.nCopies(8, claim))) {
                winners += r.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
