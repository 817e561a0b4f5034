package org.mezite.store.jpa.internal.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.RecordingDataRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Recording bytes in {@code recording_chunks}, one row per MiB. A replacement is one transaction (the old rows go,
 * the new ones come, or nothing changes); reading fetches one chunk at a time, so a large recording never sits in
 * memory whole. Only the last chunk is shorter than a MiB, which is how a reader knows it has them all. A reader
 * that is halfway through while the session's recording is replaced (an upload stored again) may see the rest of
 * the new one: the sink replaces only recordings that were stored again from the same bytes.
 */
@Component(service = RecordingDataRepository.class)
public final class JpaRecordingDataRepository implements RecordingDataRepository {

    static final int CHUNK = 1024 * 1024;

    private final JpaStore store;

    @Activate
    public JpaRecordingDataRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public long replace(String sessionId, InputStream data) throws IOException {
        // chunk by chunk inside the transaction, so that a large recording never sits in memory whole; a stream that
        // fails halfway rolls the transaction back and the rows stored before stay as they were
        try {
            return store.write(subject(sessionId), em -> {
                em.createNativeQuery("DELETE FROM recording_chunks WHERE session_id = ?1").setParameter(1, sessionId)
                        .executeUpdate();
                long total = 0;
                int seq = 0;
                byte[] chunk = next(data);
                do { // an empty recording is still one (empty) row, so that it opens
                    em.createNativeQuery("INSERT INTO recording_chunks (session_id, seq, data) VALUES (?1, ?2, ?3)")
                            .setParameter(1, sessionId).setParameter(2, seq++).setParameter(3, chunk)
                            .executeUpdate();
                    total += chunk.length;
                } while (chunk.length == CHUNK && (chunk = next(data)).length > 0);
                return total;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] next(InputStream data) {
        try {
            return data.readNBytes(CHUNK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String sessionId) {
        byte[] first = chunk(sessionId, 0);
        if (first == null) {
            throw new NotFoundException(subject(sessionId) + " does not exist");
        }
        return new ChunkStream(sessionId, first);
    }

    @Override
    public boolean delete(String sessionId) {
        return store.write(subject(sessionId), em -> em.createNativeQuery(
                "DELETE FROM recording_chunks WHERE session_id = ?1").setParameter(1, sessionId).executeUpdate() > 0);
    }

    private byte[] chunk(String sessionId, int seq) {
        List<?> rows = store.read(em -> em.createNativeQuery(
                "SELECT data FROM recording_chunks WHERE session_id = ?1 AND seq = ?2").setParameter(1, sessionId)
                .setParameter(2, seq).getResultList());
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    private static String subject(String sessionId) {
        return "recording data of session " + sessionId;
    }

    /** The chunks in order, fetched as the reader gets to them. */
    private final class ChunkStream extends InputStream {
        private final String sessionId;
        private byte[] current;
        private int position;
        private int next = 1;

        ChunkStream(String sessionId, byte[] first) {
            this.sessionId = sessionId;
            this.current = first;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (current != null && position == current.length) {
                try {
                    current = current.length < CHUNK ? null : chunk(sessionId, next++);
                } catch (RuntimeException e) {
                    throw new IOException("cannot read " + subject(sessionId) + ": " + e.getMessage(), e);
                }
                position = 0;
            }
            if (current == null) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
