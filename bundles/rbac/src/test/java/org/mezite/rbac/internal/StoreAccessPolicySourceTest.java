package org.mezite.rbac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicy.SessionTermination;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

class StoreAccessPolicySourceTest {

    private static final String ACCESS = RbacAccessCheckerTest.ACCESS;
    private static final String DEV = RbacAccessCheckerTest.DEV;

    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryLocks locks = new InMemoryLocks();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private StoreAccessPolicySource source;

    /** A source that reads the store only when the test calls poll(), besides its first read and terminate(). */
    private StoreAccessPolicySource start() {
        source = new StoreAccessPolicySource(roles, locks, clock, Duration.ofHours(1));
        return source;
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.deactivate();
        }
    }

    private static AccessPolicy next(BlockingQueue<AccessPolicy> received) throws InterruptedException {
        AccessPolicy policy = received.poll(10, TimeUnit.SECONDS);
        assertThat(policy).as("a policy within 10 s").isNotNull();
        return policy;
    }

    @Test
    void theFirstPolicyIsReadAtOnceWithTheRolesAndTheLocksInForce() {
        roles.create("access", ACCESS);
        Lock lock = locks.create(new LockTarget(LockTargetKind.USER, "bob"), "gone", null, "admin");
        locks.create(new LockTarget(LockTargetKind.USER, "carol"), "was", clock.instant().minusSeconds(1), "admin");
        AccessPolicy policy = start().current();
        assertThat(policy.roles()).extracting(role -> role.name()).containsExactly("access");
        assertThat(policy.locks()).containsExactly(lock);
        assertThat(policy.revision()).isNotZero();
    }

    @Test
    void beforeTheStoreAnswersThePolicyIsEmptyAndItRecovers() {
        roles.failing = true;
        start();
        assertThat(source.current()).isEqualTo(AccessPolicy.EMPTY);
        roles.create("access", ACCESS);
        source.poll();
        assertThat(source.current()).isEqualTo(AccessPolicy.EMPTY);
        roles.failing = false;
        source.poll();
        assertThat(source.current().roles()).hasSize(1);
    }

    @Test
    void aFailingStoreKeepsTheLastPolicy() {
        roles.create("access", ACCESS);
        AccessPolicy first = start().current();
        roles.failing = true;
        source.poll();
        assertThat(source.current()).isSameAs(first);
    }

    @Test
    void subscribersGetTheCurrentPolicyAndThenOnlyChanges() throws Exception {
        roles.create("access", ACCESS);
        start();
        BlockingQueue<AccessPolicy> received = new LinkedBlockingQueue<>();
        AutoCloseable subscription = source.subscribe(received::add);
        AccessPolicy first = next(received);
        assertThat(first).isSameAs(source.current());

        source.poll();
        assertThat(received).as("nothing changed, nothing sent").isEmpty();

        roles.create("dev", DEV);
        source.poll();
        AccessPolicy second = next(received);
        assertThat(second.revision()).isNotEqualTo(first.revision());
        assertThat(second.roles()).hasSize(2);

        roles.update("dev", DEV.replace("staging", "qa"));
        source.poll();
        AccessPolicy third = next(received);
        assertThat(third.revision()).isNotEqualTo(second.revision());

        roles.update("dev", DEV);
        source.poll();
        assertThat(next(received).revision()).as("the same content has the same revision").isEqualTo(second.revision());

        Lock lock = locks.create(new LockTarget(LockTargetKind.ROLE, "dev"), null, clock.instant().plusSeconds(60),
                "admin");
        source.poll();
        assertThat(next(received).locks()).containsExactly(lock);
        clock.advance(Duration.ofSeconds(61));
        source.poll();
        assertThat(next(received).locks()).as("the lock expired").isEmpty();

        subscription.close();
        roles.delete("dev");
        source.poll();
        assertThat(received).isEmpty();
    }

    @Test
    void aFailingSubscriberStopsNeitherTheOthersNorThePolling() throws InterruptedException {
        start();
        BlockingQueue<AccessPolicy> received = new LinkedBlockingQueue<>();
        source.subscribe(policy -> {
            throw new IllegalStateException("subscriber bug");
        });
        source.subscribe(received::add);
        next(received);
        roles.create("access", ACCESS);
        source.terminate("s-1", "ended by the admin"); // polls on the source's own thread
        AccessPolicy policy = next(received);
        assertThat(policy.roles()).hasSize(1);
        roles.create("dev", DEV);
        source.terminate("s-2", "ended by the admin");
        assertThat(next(received).roles()).hasSize(2);
    }

    @Test
    void endedSessionsArePublishedAtOnceAndForgottenAfterTenMinutes() throws InterruptedException {
        start();
        BlockingQueue<AccessPolicy> received = new LinkedBlockingQueue<>();
        source.subscribe(received::add);
        next(received);
        source.terminate("s-1", "ended by alice: maintenance");
        assertThat(next(received).terminatedSessions())
                .containsExactly(new SessionTermination("s-1", "ended by alice: maintenance"));
        clock.advance(Duration.ofMinutes(5));
        source.terminate("s-2", "ended by alice");
        assertThat(next(received).terminatedSessions()).extracting(SessionTermination::sessionId)
                .containsExactly("s-1", "s-2");
        clock.advance(Duration.ofMinutes(6));
        source.poll();
        assertThat(next(received).terminatedSessions()).extracting(SessionTermination::sessionId)
                .containsExactly("s-2");
    }

    @Test
    void theRevisionIsADigestOfTheContent() {
        roles.create("access", ACCESS);
        long revision = start().current().revision();
        StoreAccessPolicySource other = new StoreAccessPolicySource(roles, locks, clock, Duration.ofHours(1));
        try {
            assertThat(other.current().revision()).as("another hub, or after a restart").isEqualTo(revision);
        } finally {
            other.deactivate();
        }
    }

    @Test
    void presetsAreCreatedWhenMissingAndLeftAloneOtherwise() {
        roles.create("access", "kind: role\nversion: v1\nmetadata: {name: access}\n");
        new RolePresets(roles, new RoleDocumentParser());
        assertThat(roles.list()).extracting(role -> role.name()).containsExactly("access", "auditor", "editor");
        assertThat(roles.findByName("access").orElseThrow().spec()).doesNotContain("internal.logins");
        assertThat(roles.findByName("editor").orElseThrow().spec())
                .isEqualTo(new RoleDocumentParser().presets().get(1).yaml());
        new RolePresets(roles, new RoleDocumentParser()); // a second start changes nothing
        assertThat(roles.list()).hasSize(3);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
