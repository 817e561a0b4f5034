package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Recording;
import org.mezite.api.store.RecordingDataRepository;
import org.mezite.api.store.RecordingRepository;
import org.mezite.store.jpa.internal.Stores;

class RecordingRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static RecordingRepository recordings(DatabaseKind kind) {
        return new JpaRecordingRepository(STORES.store(kind));
    }

    private static RecordingDataRepository data(DatabaseKind kind) {
        return new JpaRecordingDataRepository(STORES.store(kind));
    }

    private static Recording recording(String session, boolean complete, long size) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Recording(session, "alice", "root", "node-01", start, start.plusSeconds(42), complete, "file",
                "/store/" + session + ".cast.gz", size, start.plusSeconds(50));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void putsReplacesAndListsNewestFirst(DatabaseKind kind) {
        String session = Unique.name("session");
        Recording cut = recording(session, false, 100);

        assertThat(recordings(kind).put(cut)).isEqualTo(cut);
        assertThat(recordings(kind).find(session)).contains(cut);
        Recording whole = recording(session, true, 200);
        recordings(kind).put(whole);
        assertThat(recordings(kind).find(session)).contains(whole);

        String later = Unique.name("session");
        Recording newer = new Recording(later, "bob", "dev", "node-02", whole.startedAt().plusSeconds(60),
                whole.startedAt().plusSeconds(61), true, "database", later, 5, whole.storedAt());
        recordings(kind).put(newer);
        assertThat(recordings(kind).listRecent(1000)).containsSubsequence(newer, whole);
        assertThat(recordings(kind).delete(session)).isTrue();
        assertThat(recordings(kind).delete(session)).isFalse();
        assertThat(recordings(kind).find(session)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keepsRecordingBytesInChunksAndStreamsThemBack(DatabaseKind kind) throws IOException {
        String session = Unique.name("session");
        byte[] bytes = new byte[JpaRecordingDataRepository.CHUNK * 2 + 12345];
        new Random(7).nextBytes(bytes);

        assertThat(data(kind).replace(session, new ByteArrayInputStream(bytes))).isEqualTo(bytes.length);
        try (InputStream in = data(kind).open(session)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        byte[] smaller = "second upload".getBytes();
        data(kind).replace(session, new ByteArrayInputStream(smaller));
        try (InputStream in = data(kind).open(session)) {
            assertThat(in.readAllBytes()).isEqualTo(smaller);
        }
        assertThat(data(kind).delete(session)).isTrue();
        assertThatThrownBy(() -> data(kind).open(session)).isInstanceOf(NotFoundException.class)
                .hasMessage("recording data of session " + session + " does not exist");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRecordingOfWholeChunksAndAnEmptyOneReadBackExactly(DatabaseKind kind) throws IOException {
        String whole = Unique.name("session");
        byte[] bytes = new byte[JpaRecordingDataRepository.CHUNK * 2];
        new Random(11).nextBytes(bytes);
        String empty = Unique.name("session");

        assertThat(data(kind).replace(whole, new ByteArrayInputStream(bytes))).isEqualTo(bytes.length);
        assertThat(data(kind).replace(empty, InputStream.nullInputStream())).isZero();

        try (InputStream in = data(kind).open(whole)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = data(kind).open(empty)) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStreamThatFailsHalfwayLeavesTheStoredBytesAlone(DatabaseKind kind) throws IOException {
        String session = Unique.name("session");
        data(kind).replace(session, new ByteArrayInputStream("kept".getBytes()));
        InputStream failing = new InputStream() {
            private int left = 3 * 1024 * 1024;

            @Override
            public int read() throws IOException {
                if (left-- == 0) {
                    throw new IOException("upload broke");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> data(kind).replace(session, failing)).hasMessage("upload broke");
        try (InputStream in = data(kind).open(session)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("kept");
        }
    }
}
