package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.RecordingSinkUnavailableException;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.NotFoundException;

/**
 * The hub's recordings as the proxy sees them: an index and, for each recording, its stored bytes, made as they are
 * read ({@link Content}) so that a test can see how far ahead of the client the proxy reads and whether it closes
 * what it opened. Only what the proxy asks is implemented.
 */
final class FakeRecordings implements Recordings {

    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final Map<String, RecordingInfo> index = new ConcurrentHashMap<>();
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private final List<Content> opened = new CopyOnWriteArrayList<>();
    private final List<Integer> limits = new CopyOnWriteArrayList<>();
    private volatile String sinkMissing;

    /** Adds a recording whose stored bytes are {@code size} bytes of {@link Content#byteAt}. */
    RecordingInfo add(String sessionId, String user, Instant startedAt, long size) {
        RecordingInfo info = new RecordingInfo(sessionId, user, "root", "node-01", startedAt, Duration.ofMillis(83_250),
                true, size, "file", startedAt.plusSeconds(90));
        index.put(sessionId, info);
        sizes.put(sessionId, size);
        return info;
    }

    /** From now on, opening fails as when the sink that holds the recordings is uninstalled. */
    void sinkMissing(String message) {
        sinkMissing = message;
    }

    /** Keeps the index entry but loses the stored bytes (deleted behind the index's back). */
    void loseContent(String sessionId) {
        sizes.remove(sessionId);
    }

    List<Content> opened() {
        return List.copyOf(opened);
    }

    List<Integer> limits() {
        return List.copyOf(limits);
    }

    @Override
    public List<RecordingInfo> list(int limit) {
        limits.add(limit);
        List<RecordingInfo> newestFirst = new ArrayList<>(index.values());
        newestFirst.sort(Comparator.comparing(RecordingInfo::startedAt).reversed());
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    @Override
    public Optional<RecordingInfo> find(String sessionId) {
        return Optional.ofNullable(index.get(sessionId));
    }

    @Override
    public InputStream open(String sessionId) {
        if (sinkMissing != null) {
            throw new RecordingSinkUnavailableException(sinkMissing);
        }
        Long size = sizes.get(sessionId);
        if (size == null) {
            throw new NotFoundException("recording \"" + sessionId + "\" does not exist");
        }
        Content content = new Content(size);
        opened.add(content);
        return content;
    }

    @Override
    public RecordingMode mode() {
        return RecordingMode.NODE;
    }

    @Override
    public long receive(String nodeId, String sessionId) {
        throw new UnsupportedOperationException("not asked of the proxy");
    }

    @Override
    public void append(String nodeId, String sessionId, long offset, byte[] data) {
        throw new UnsupportedOperationException("not asked of the proxy");
    }

    @Override
    public RecordingInfo finish(String nodeId, String sessionId, long size, boolean complete) {
        throw new UnsupportedOperationException("not asked of the proxy");
    }

    @Override
    public List<Staged> staged() {
        return List.of();
    }

    /** Stored bytes made as they are read, counting how many were read, and whether they were closed. */
    static final class Content extends InputStream {
        private final long size;
        private final AtomicLong position = new AtomicLong();
        private final AtomicBoolean closed = new AtomicBoolean();

        Content(long size) {
            this.size = size;
        }

        /** The byte at this position of every recording: the same however it is read in chunks. */
        static byte byteAt(long position) {
            return (byte) (position * 31 + (position >>> 11));
        }

        long position() {
            return position.get();
        }

        boolean closed() {
            return closed.get();
        }

        /** Waits until the proxy closed it. */
        void awaitClosed() throws InterruptedException {
            long deadline = System.currentTimeMillis() + GUARD_MILLIS;
            while (!closed.get()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the proxy did not close the recording it opened");
                }
                Thread.sleep(10);
            }
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (closed.get()) {
                throw new IllegalStateException("read after close");
            }
            long at = position.get();
            if (at >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - at);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = byteAt(at + i);
            }
            position.addAndGet(count);
            return count;
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
        }
    }
}
