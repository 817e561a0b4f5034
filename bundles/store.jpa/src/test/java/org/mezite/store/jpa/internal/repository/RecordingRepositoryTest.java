package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Recording;
import org.mezite.api.store.RecordingRepository;
import org.mezite.store.jpa.internal.Stores;

class RecordingRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static RecordingRepository recordings(DatabaseKind kind) {
        return new JpaRecordingRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void growsAndCompletesARecording(DatabaseKind kind) {
        String session = Unique.name("session");
        Recording created = recordings(kind).create(session, "file", "/recordings/" + session + ".cast");

        assertThat(created.complete()).isFalse();
        assertThat(created.sizeBytes()).isZero();
        recordings(kind).updateSize(session, 4096);
        assertThat(recordings(kind).find(session).orElseThrow().sizeBytes()).isEqualTo(4096);

        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Recording done = recordings(kind).markComplete(session, 8192, at);

        assertThat(done.complete()).isTrue();
        assertThat(done.sizeBytes()).isEqualTo(8192);
        assertThat(done.completedAt()).isEqualTo(at);
        assertThat(recordings(kind).find(session)).contains(done);
        assertThat(recordings(kind).listRecent(100)).contains(done);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void refusesDuplicatesAndMissingRecordings(DatabaseKind kind) {
        String session = Unique.name("session");
        recordings(kind).create(session, "file", "/x");

        assertThatThrownBy(() -> recordings(kind).create(session, "file", "/y")).isInstanceOf(ConflictException.class)
                .hasMessage("recording of session " + session + " already exists");
        assertThatThrownBy(() -> recordings(kind).updateSize("none", 1)).isInstanceOf(NotFoundException.class)
                .hasMessage("recording of session none does not exist");
        assertThat(recordings(kind).delete(session)).isTrue();
        assertThat(recordings(kind).delete(session)).isFalse();
    }
}
