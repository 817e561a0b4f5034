package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.store.jpa.internal.Stores;

class LockRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static LockRepository locks(DatabaseKind kind) {
        return new JpaLockRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void activeLocksAreTheUnexpiredOnes(DatabaseKind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LockTarget user = new LockTarget(LockTargetKind.USER, Unique.name("mallory"));
        Lock forever = locks(kind).create(user, "compromised laptop", null, "admin");
        Lock lapsed = locks(kind).create(user, null, now.minusSeconds(1), "admin");
        Lock hour = locks(kind).create(new LockTarget(LockTargetKind.NODE, Unique.name("node")), "patching",
                now.plusSeconds(3600), "ops");

        assertThat(forever.activeAt(now)).isTrue();
        assertThat(locks(kind).listActive(now)).contains(forever, hour).doesNotContain(lapsed);
        assertThat(locks(kind).listActive(user, now)).containsExactly(forever);
        assertThat(locks(kind).list()).contains(forever, lapsed, hour);

        assertThat(locks(kind).deleteExpired(now)).isGreaterThanOrEqualTo(1);
        assertThat(locks(kind).list()).doesNotContain(lapsed).contains(forever);
        assertThat(locks(kind).delete(forever.id())).isTrue();
        assertThat(locks(kind).listActive(user, now)).isEmpty();
        assertThat(locks(kind).delete(forever.id())).isFalse();
    }
}
