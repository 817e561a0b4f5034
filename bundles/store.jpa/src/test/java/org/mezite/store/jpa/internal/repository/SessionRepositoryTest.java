package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;
import org.mezite.api.store.SessionRepository;
import org.mezite.store.jpa.internal.Stores;

class SessionRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static SessionRepository sessions(DatabaseKind kind) {
        return new JpaSessionRepository(STORES.store(kind));
    }

    private static Session session(Instant startedAt) {
        return new Session(UUID.randomUUID().toString(), "ssh", "alice", "root", "node-1", "127.0.0.1:50000", null,
                startedAt, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void startsAndEndsASession(DatabaseKind kind) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Session created = sessions(kind).create(session(start));

        assertThat(created.active()).isTrue();
        assertThat(sessions(kind).findById(created.id())).contains(created);
        assertThat(sessions(kind).listActive()).contains(created);

        sessions(kind).setRecordingPath(created.id(), "/var/lib/mezite/recordings/" + created.id() + ".cast");
        Session ended = sessions(kind).end(created.id(), start.plusSeconds(90));

        assertThat(ended.active()).isFalse();
        assertThat(ended.endedAt()).isEqualTo(start.plusSeconds(90));
        assertThat(ended.recordingPath()).endsWith(created.id() + ".cast");
        assertThat(sessions(kind).listActive()).extracting(Session::id).doesNotContain(created.id());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void listsSessionsStartedInARangeNewestFirst(DatabaseKind kind) {
        Instant base = Instant.parse("2031-01-01T00:00:00Z");
        Session first = sessions(kind).create(session(base));
        Session second = sessions(kind).create(session(base.plusSeconds(60)));
        sessions(kind).create(session(base.plusSeconds(3600)));

        assertThat(sessions(kind).listStarted(base, base.plusSeconds(120), 10)).containsExactly(second, first);
        assertThat(sessions(kind).listStarted(base, base.plusSeconds(120), 1)).containsExactly(second);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rejectsADuplicateAndAMissingSession(DatabaseKind kind) {
        Session created = sessions(kind).create(session(Instant.now()));

        assertThatThrownBy(() -> sessions(kind).create(created)).isInstanceOf(ConflictException.class)
                .hasMessage("session " + created.id() + " already exists");
        assertThatThrownBy(() -> sessions(kind).end("missing", Instant.now())).isInstanceOf(NotFoundException.class)
                .hasMessage("session missing does not exist");
    }
}
