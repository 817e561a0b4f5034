package org.mezite.recording.sink.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.RecordingDataRepository;
import org.mezite.api.store.StoreException;

/** The sink over a repository kept in memory; the repository itself is tested on both databases in store.jpa. */
class DatabaseRecordingSinkTest {

    private final MemoryData data = new MemoryData();
    private final DatabaseRecordingSink sink = new DatabaseRecordingSink(data);

    @Test
    void storesUnderTheSessionIdReplacesAndOpens() throws IOException {
        String location = sink.store("s-1", new ByteArrayInputStream("first".getBytes()));
        sink.store("s-1", new ByteArrayInputStream("second".getBytes()));

        assertThat(location).isEqualTo("s-1");
        try (InputStream in = sink.open("s-1", location)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("second");
        }
    }

    @Test
    void aMissingRecordingIsNoSuchFileAndADatabaseFailureAnIoException() {
        assertThatThrownBy(() -> sink.open("s-9", "s-9")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("the database sink holds no recording of session s-9");

        data.down = true;
        assertThatThrownBy(() -> sink.store("s-1", InputStream.nullInputStream())).isInstanceOf(IOException.class)
                .hasMessage("the database sink cannot store the recording of session s-1: connection refused");
        assertThatThrownBy(() -> sink.open("s-1", "s-1")).isInstanceOf(IOException.class)
                .hasMessage("the database sink cannot read the recording of session s-1: connection refused");
    }

    @Test
    void aStreamThatBreaksIsReportedAndStoresNothing() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the staged file went away");
            }
        };

        assertThatThrownBy(() -> sink.store("s-1", broken)).hasMessage("the staged file went away");
        assertThat(data.rows).isEmpty();
    }

    private static final class MemoryData implements RecordingDataRepository {
        final Map<String, byte[]> rows = new ConcurrentHashMap<>();
        volatile boolean down;

        @Override
        public long replace(String sessionId, InputStream in) throws IOException {
            failIfDown();
            byte[] bytes = in.readAllBytes();
            rows.put(sessionId, bytes);
            return bytes.length;
        }

        @Override
        public InputStream open(String sessionId) {
            failIfDown();
            byte[] bytes = rows.get(sessionId);
            if (bytes == null) {
                throw new NotFoundException("recording data of session " + sessionId + " does not exist");
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean delete(String sessionId) {
            return rows.remove(sessionId) != null;
        }

        private void failIfDown() {
            if (down) {
                throw new StoreException("connection refused");
            }
        }
    }
}
