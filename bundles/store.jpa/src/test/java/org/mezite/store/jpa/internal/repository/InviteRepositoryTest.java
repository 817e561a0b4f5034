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
import org.mezite.api.store.Invite;
import org.mezite.api.store.InviteRepository;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.Stores;

class InviteRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static InviteRepository invites(DatabaseKind kind) {
        return new JpaInviteRepository(STORES.store(kind));
    }

    private static String user(DatabaseKind kind) {
        String name = Unique.name("invited");
        new JpaUserRepository(STORES.store(kind)).create(name, List.of("access"), Map.of());
        return name;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anInviteWorksOnceBeforeItExpires(DatabaseKind kind) {
        String user = user(kind);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = Unique.name("invite");
        Invite created = invites(kind).create(hash, user, now.plusSeconds(3600));

        assertThat(invites(kind).find(hash)).contains(created);
        assertThat(invites(kind).listByUser(user)).containsExactly(created);
        assertThat(invites(kind).consume(hash, now.plusSeconds(3600))).isEmpty();

        Invite used = invites(kind).consume(hash, now).orElseThrow();
        assertThat(used.usedAt()).isEqualTo(now);
        assertThat(used.usableAt(now)).isFalse();
        assertThat(invites(kind).consume(hash, now)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invitesGoWithTheirUser(DatabaseKind kind) {
        String user = user(kind);
        Instant now = Instant.now();
        String hash = Unique.name("invite");
        invites(kind).create(hash, user, now.plusSeconds(60));
        invites(kind).create(Unique.name("invite"), user, now.plusSeconds(60));

        assertThat(invites(kind).deleteByUser(user)).isEqualTo(2);

        invites(kind).create(hash, user, now.plusSeconds(60));
        new JpaUserRepository(STORES.store(kind)).delete(user);
        assertThat(invites(kind).find(hash)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void needsAnExistingUserAndCleansUpExpired(DatabaseKind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String ghost = Unique.name("ghost");
        assertThatThrownBy(() -> invites(kind).create(Unique.name("x"), ghost, now.plusSeconds(60)))
                .isInstanceOf(NotFoundException.class).hasMessage("user \"" + ghost + "\" does not exist");

        String old = Unique.name("old");
        invites(kind).create(old, user(kind), now.minusSeconds(1));
        assertThat(invites(kind).deleteExpired(now)).isGreaterThanOrEqualTo(1);
        assertThat(invites(kind).find(old)).isEmpty();
    }
}
