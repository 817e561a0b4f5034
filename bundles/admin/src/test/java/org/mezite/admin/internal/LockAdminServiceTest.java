package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;

class LockAdminServiceTest extends Fixture {

    final InMemoryLocks locks = new InMemoryLocks(NOW);
    final KnownNodes nodes = new KnownNodes().add("id-web", "web", NOW);
    final LockAdminService service = new LockAdminService(locks, nodes, access);

    @Test
    void aLockIsStoredAndAuditedWithTargetMessageAndExpiry() {
        Lock lock = service.add(OPERATOR, new LockTarget(LockTargetKind.USER, " alice "), "security incident",
                Duration.ofHours(1));

        assertThat(lock.target()).isEqualTo(new LockTarget(LockTargetKind.USER, "alice"));
        assertThat(lock.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(lock.createdBy()).isEqualTo("karaf");
        NewAuditEvent event = audit.last("lock.create");
        assertThat(event.resource()).isEqualTo("lock/lock-1");
        assertThat(event.metadata()).contains("\"target\":\"user=alice\"", "\"message\":\"security incident\"",
                "\"expires_at\":\"2030-01-02T04:04:05Z\"");
        assertThat(audit.last("admin.access").resource()).isEqualTo("lock/user= alice ");
    }

    @Test
    void withoutTtlALockHoldsUntilRemoved() {
        Lock lock = service.add(OPERATOR, new LockTarget(LockTargetKind.ROLE, "dev"), null, null);

        assertThat(lock.expiresAt()).isNull();
        assertThat(lock.message()).isNull();
        assertThat(audit.last("lock.create").metadata()).doesNotContain("expires_at");
    }

    @Test
    void aNodeNameBecomesTheNodesId() {
        assertThat(service.add(OPERATOR, new LockTarget(LockTargetKind.NODE, "web"), null, null).target().value())
                .isEqualTo("id-web");
        assertThat(service.add(OPERATOR, new LockTarget(LockTargetKind.NODE, "id-web"), null, null).target().value())
                .isEqualTo("id-web");
        assertThat(service.add(OPERATOR, new LockTarget(LockTargetKind.NODE, "future"), null, null).target().value())
                .isEqualTo("future");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> service.add(OPERATOR, new LockTarget(LockTargetKind.LOGIN, " "), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lock target: the login is empty");
        assertThatThrownBy(() -> service.add(OPERATOR, new LockTarget(LockTargetKind.USER, "a"), null,
                Duration.ZERO)).hasMessage("ttl: must be longer than 0, got PT0S");
        assertThatThrownBy(() -> service.add(OPERATOR, new LockTarget(LockTargetKind.USER, "a"), null,
                Duration.ofMinutes(-5))).hasMessage("ttl: must be longer than 0, got PT-5M");
        assertThatThrownBy(() -> service.add(OPERATOR, new LockTarget(LockTargetKind.USER, "a"), "x\ny", null))
                .hasMessageStartingWith("message: \"x\\ny\" has control characters");
        assertThatThrownBy(() -> service.add(OPERATOR, null, null, null))
                .hasMessage("lock target: missing; lock a user, role, login or node");
        assertThat(locks.locks).isEmpty();
        assertThat(audit.types()).containsOnly("admin.access");
    }

    @Test
    void listShowsLocksInForceNewestFirst() {
        service.add(OPERATOR, new LockTarget(LockTargetKind.USER, "alice"), null, null);
        service.add(OPERATOR, new LockTarget(LockTargetKind.USER, "bob"), null, null);
        locks.locks.add(new Lock("old", new LockTarget(LockTargetKind.USER, "carol"), null, NOW.minusSeconds(1),
                "karaf", NOW.minusSeconds(100)));

        assertThat(service.list(OPERATOR)).extracting(Lock::id).containsExactly("lock-2", "lock-1");
    }

    @Test
    void removeAuditsWhatTheLockWas() {
        service.add(OPERATOR, new LockTarget(LockTargetKind.LOGIN, "root"), "no root", null);

        service.remove(OPERATOR, "lock-1");

        assertThat(locks.locks).isEmpty();
        NewAuditEvent event = audit.last("lock.delete");
        assertThat(event.resource()).isEqualTo("lock/lock-1");
        assertThat(event.metadata()).contains("\"target\":\"login=root\"", "\"message\":\"no root\"");
        assertThatThrownBy(() -> service.remove(OPERATOR, "lock-1")).isInstanceOf(NotFoundException.class)
                .hasMessage("lock \"lock-1\" does not exist");
    }

    @Test
    void deniedCallersLockNothing() {
        assertThatThrownBy(() -> service.add(BOB, new LockTarget(LockTargetKind.USER, "alice"), null, null))
                .isInstanceOf(AccessDeniedException.class).hasMessage("no role of bob allows create on lock");
        assertThatThrownBy(() -> service.list(BOB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.remove(BOB, "lock-1")).isInstanceOf(AccessDeniedException.class);
        assertThat(locks.locks).isEmpty();
        assertThat(rules.asked).containsExactly("lock:create", "lock:list", "lock:delete");
    }
}
