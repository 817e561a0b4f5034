package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.store.jpa.internal.Stores;
import org.mezite.store.jpa.internal.TestDatabase;

/** Each test opens its own database: the tests check the whole chain, so they must not see each other's events. */
class AuditEventRepositoryTest {

    private static NewAuditEvent login(String user, String result) {
        return NewAuditEvent.builder("user.login", result).code("T1000I").username(user).clientAddr("127.0.0.1")
                .metadata("{\"method\":\"local\"}").build();
    }

    @Test
    void theApiOffersNoWayToChangeOrRemoveEvents() {
        assertThat(Arrays.stream(AuditEventRepository.class.getMethods()).map(Method::getName).distinct())
                .containsExactlyInAnyOrder("append", "query", "verifyChain");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void appendsEventsAsALinkedChain(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            AuditEventRepository audit = new JpaAuditEventRepository(open.store());

            AuditEvent first = audit.append(login("alice", "success"));
            AuditEvent second = audit.append(NewAuditEvent.builder("session.start", "success").username("alice")
                    .login("root").node("node-1").sessionId("s-1").build());

            assertThat(first.id()).isEqualTo(1);
            assertThat(second.id()).isEqualTo(2);
            assertThat(first.prevHash()).isEqualTo("0".repeat(64));
            assertThat(second.prevHash()).isEqualTo(first.hash());
            assertThat(second.metadata()).isEqualTo("{}");
            assertThat(audit.query(AuditQuery.all())).containsExactly(first, second);
            assertThat(audit.verifyChain()).isEqualTo(new AuditChainCheck(2, 0, ""));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void queriesByTypeUserSessionTimeAndPages(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            AuditEventRepository audit = new JpaAuditEventRepository(open.store());
            Instant t0 = Instant.parse("2030-05-01T10:00:00Z");
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                events.add(audit.append(NewAuditEvent.builder(i % 2 == 0 ? "user.login" : "session.start", "success")
                        .username(i < 3 ? "alice" : "bob").sessionId("s-" + (i % 3)).time(t0.plusSeconds(i)).build()));
            }

            assertThat(audit.query(AuditQuery.all().ofType("session.start"))).extracting(AuditEvent::id)
                    .containsExactly(2L, 4L, 6L);
            assertThat(audit.query(AuditQuery.all().ofUser("bob"))).extracting(AuditEvent::id)
                    .containsExactly(4L, 5L, 6L);
            assertThat(audit.query(AuditQuery.all().ofSession("s-1"))).extracting(AuditEvent::id)
                    .containsExactly(2L, 5L);
            assertThat(audit.query(AuditQuery.all().between(t0.plusSeconds(1), t0.plusSeconds(3))))
                    .extracting(AuditEvent::id).containsExactly(2L, 3L);
            assertThat(audit.query(AuditQuery.all().limit(2).descending())).extracting(AuditEvent::id)
                    .containsExactly(6L, 5L);
            assertThat(audit.query(AuditQuery.all().limit(2).descending().after(5))).extracting(AuditEvent::id)
                    .containsExactly(4L, 3L);
            assertThat(audit.query(AuditQuery.all().limit(2).after(2))).extracting(AuditEvent::id)
                    .containsExactly(3L, 4L);
            assertThat(audit.query(AuditQuery.all().ofType("user.login")).get(0)).isEqualTo(events.get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDatabaseRefusesToChangeOrRemoveEvents(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            new JpaAuditEventRepository(open.store()).append(login("alice", "success"));

            assertThatThrownBy(() -> db.execute("UPDATE audit_events SET result = 'failure' WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_events is append-only: UPDATE is not allowed");
            assertThatThrownBy(() -> db.execute("DELETE FROM audit_events WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_events is append-only: DELETE is not allowed");
            assertThatThrownBy(() -> db.execute(kind == DatabaseKind.SQLITE ? "DELETE FROM audit_events"
                    : "TRUNCATE audit_events")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_events is append-only");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void verifyingFindsATamperedEvent(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            AuditEventRepository audit = new JpaAuditEventRepository(open.store());
            for (int i = 0; i < 3; i++) {
                audit.append(login("alice", "failure"));
            }
            // someone with direct database access lifts the protection and rewrites history
            db.execute(kind == DatabaseKind.SQLITE ? "DROP TRIGGER audit_events_no_update"
                    : "DROP TRIGGER audit_events_no_change ON audit_events",
                    "UPDATE audit_events SET result = 'success' WHERE id = 2");

            AuditChainCheck check = audit.verifyChain();

            assertThat(check.intact()).isFalse();
            assertThat(check.brokenAt()).isEqualTo(2);
            assertThat(check.checked()).isEqualTo(1);
            assertThat(check.problem()).isEqualTo("event 2 does not match its hash");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void verifyingSinceATimeStartsAtTheFirstEventOfThatTime(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            AuditEventRepository audit = new JpaAuditEventRepository(open.store());
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 5; i++) {
                audit.append(NewAuditEvent.builder("user.login", "success").username("alice")
                        .time(t0.plusSeconds(60L * i)).build());
            }
            db.execute(kind == DatabaseKind.SQLITE ? "DROP TRIGGER audit_events_no_update"
                    : "DROP TRIGGER audit_events_no_change ON audit_events",
                    "UPDATE audit_events SET result = 'failure' WHERE id = 2");

            assertThat(audit.verifyChain(t0.plusSeconds(120))).isEqualTo(new AuditChainCheck(3, 0, ""));
            AuditChainCheck fromStart = audit.verifyChain(t0);
            assertThat(fromStart.brokenAt()).isEqualTo(2);
            assertThat(fromStart.checked()).isEqualTo(1);
            assertThat(audit.verifyChain(t0.plusSeconds(3600))).isEqualTo(new AuditChainCheck(0, 0, ""));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void verifyingReadsTheLogAPageAtATimeAndFindsARemovedEvent(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            // pages of 2 events, so that every check below crosses page boundaries
            AuditEventRepository audit = new JpaAuditEventRepository(open.store(), 2);
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 7; i++) {
                audit.append(NewAuditEvent.builder("session.start", "success").username("alice")
                        .time(t0.plusSeconds(60L * i)).build());
            }
            assertThat(audit.verifyChain()).isEqualTo(new AuditChainCheck(7, 0, ""));
            assertThat(audit.verifyChain(t0.plusSeconds(150))).isEqualTo(new AuditChainCheck(4, 0, ""));

            db.execute(kind == DatabaseKind.SQLITE ? "DROP TRIGGER audit_events_no_delete"
                    : "DROP TRIGGER audit_events_no_change ON audit_events",
                    "DELETE FROM audit_events WHERE id = 5");

            assertThat(audit.verifyChain()).isEqualTo(new AuditChainCheck(4, 5, "event 5 is missing"));
            // from event 6 on the chain is whole: its link to the removed event is taken as given
            assertThat(audit.verifyChain(t0.plusSeconds(300))).isEqualTo(new AuditChainCheck(2, 0, ""));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void verifyingFindsACutOffTail(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            AuditEventRepository audit = new JpaAuditEventRepository(open.store(), 2);
            for (int i = 0; i < 3; i++) {
                audit.append(login("alice", "success"));
            }
            db.execute(kind == DatabaseKind.SQLITE ? "DROP TRIGGER audit_events_no_delete"
                    : "DROP TRIGGER audit_events_no_change ON audit_events",
                    "DELETE FROM audit_events WHERE id = 3");

            assertThat(audit.verifyChain()).isEqualTo(new AuditChainCheck(2, 3,
                    "the chain head expects 3 events, the table ends at event 2"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrentAppendersKeepTheChainIntact(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); var open = Stores.open(db.settings())) {
            AuditEventRepository audit = new JpaAuditEventRepository(open.store());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<AuditEvent>> appends = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String user = "user-" + i;
                    appends.add(pool.submit(() -> audit.append(login(user, "success"))));
                }
                for (Future<AuditEvent> append : appends) {
                    append.get();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(audit.verifyChain()).isEqualTo(new AuditChainCheck(40, 0, ""));
            assertThat(audit.query(AuditQuery.all())).extracting(AuditEvent::id)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        }
    }
}
