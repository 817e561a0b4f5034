package org.mezite.agent.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.Status;

/**
 * Takes the recordings spooled on the agent's disk to Auth, one at a time on a thread of its own, each over its own
 * {@code UploadRecording} stream resuming from what Auth holds already, and deletes a spool once Auth has stored it.
 * While Auth cannot be reached or has no recording sink (UNAVAILABLE, and anything else that may pass) it tries again
 * after a jittered back-off from half a second up to 30 s; a recording whose offsets Auth disputes
 * (FAILED_PRECONDITION) is started over once and otherwise left in the spool for the next start of the agent; one
 * Auth refuses (PERMISSION_DENIED, INVALID_ARGUMENT) is moved aside to {@code recordings/rejected}.
 */
final class RecordingUploader implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** Auth compresses and stores the recording before it answers: allow for a large one. */
    static final Duration STORE_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(RecordingUploader.class);

    private enum Outcome { DONE, RETRY, GIVEN_UP }

    private final SpoolDirectory spools;
    private final UploadStream.Hub hub;
    private final Supplier<String> nodeId;
    private final BlockingDeque<String> queue = new LinkedBlockingDeque<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;
    private volatile UploadStream current;
    // on the uploader's thread only
    private String away;

    RecordingUploader(SpoolDirectory spools, UploadStream.Hub hub, Supplier<String> nodeId) {
        this.spools = spools;
        this.hub = hub;
        this.nodeId = nodeId;
        this.thread = new Thread(this::run, "mezd-recording-upload");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Uploads the session's spool, complete or not as its marker says; once, however often it is asked. */
    void upload(String sessionId) {
        if (!closed && queued.add(sessionId)) {
            queue.add(sessionId);
        }
    }

    private void run() {
        Duration wait = FIRST_RETRY;
        try {
            while (!closed) {
                String sessionId = queue.take();
                Outcome outcome;
                try {
                    outcome = upload(sessionId, 0);
                } catch (RuntimeException e) {
                    // whatever went wrong with one upload, the thread must live on for the others
                    LOG.warn("recordings: uploading session {} failed unexpectedly, trying again", sessionId, e);
                    outcome = Outcome.RETRY;
                }
                if (outcome == Outcome.RETRY) {
                    queue.add(sessionId); // behind the others: each gets its turn when Auth is back
                    Thread.sleep(jittered(wait).toMillis());
                    wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
                    continue;
                }
                queued.remove(sessionId);
                wait = FIRST_RETRY;
                if (away != null) {
                    away = null;
                    LOG.info("recordings: uploading to the hub again");
                }
            }
        } catch (InterruptedException e) {
            // mezd stops; what is left waits in the spool for its next start
        }
    }

    private Outcome upload(String sessionId, int restarts) throws InterruptedException {
        boolean complete = spools.ended(sessionId);
        long size;
        try {
            size = spools.uploadable(sessionId, complete);
        } catch (NoSuchFileException e) {
            return Outcome.DONE; // uploaded meanwhile
        } catch (IOException e) {
            LOG.error("recordings: cannot read the recording of session {} in {}; keeping it: {}", sessionId,
                    spools.directory(), e.toString());
            return Outcome.GIVEN_UP;
        }
        if (size == 0) {
            LOG.warn("recordings: the recording of session {} is empty (the agent stopped as it began); removing it",
                    sessionId);
            delete(sessionId);
            return Outcome.DONE;
        }
        UploadStream stream = null;
        try (FileChannel file = FileChannel.open(spools.cast(sessionId), StandardOpenOption.READ)) {
            stream = UploadStream.open(hub, () -> { });
            current = stream;
            long received = stream.start(sessionId, nodeId.get(), START_TIMEOUT);
            if (received > size) {
                throw new UploadStream.UploadFailure(Status.FAILED_PRECONDITION.withDescription("Auth holds "
                        + received + " bytes of a recording of " + size));
            }
            stream.sendFile(file, received, size);
            stream.end(size, complete, STORE_TIMEOUT);
            LOG.info("recordings: session {} uploaded ({} bytes{})", sessionId, size,
                    complete ? "" : ", incomplete: the agent stopped during the session");
            delete(sessionId);
            return Outcome.DONE;
        } catch (NoSuchFileException e) {
            return Outcome.DONE;
        } catch (IOException e) {
            LOG.error("recordings: cannot read the recording of session {} in {}; keeping it: {}", sessionId,
                    spools.directory(), e.toString());
            return Outcome.GIVEN_UP;
        } catch (UploadStream.UploadFailure failure) {
            if (stream != null) {
                stream.cancel("the upload failed");
            }
            return failed(sessionId, failure, restarts);
        } catch (InterruptedException e) {
            if (stream != null) {
                stream.cancel("mezd stops");
            }
            throw e;
        } finally {
            current = null;
        }
    }

    private Outcome failed(String sessionId, UploadStream.UploadFailure failure, int restarts)
            throws InterruptedException {
        switch (failure.code()) {
            case FAILED_PRECONDITION -> {
                if (restarts == 0) {
                    LOG.warn("recordings: Auth disputes the upload of session {}, starting it over: {}", sessionId,
                            failure.getMessage());
                    return upload(sessionId, 1);
                }
                LOG.error("recordings: Auth disputes the upload of session {} again: {}; keeping {} to try at the"
                        + " next start of mezd", sessionId, failure.getMessage(), spools.cast(sessionId));
                return Outcome.GIVEN_UP;
            }
            case PERMISSION_DENIED, INVALID_ARGUMENT -> {
                try {
                    LOG.error("recordings: Auth refuses the recording of session {}: {}; moved to {}", sessionId,
                            failure.getMessage(), spools.reject(sessionId));
                } catch (IOException e) {
                    LOG.error("recordings: Auth refuses the recording of session {}: {}; cannot move it aside: {}",
                            sessionId, failure.getMessage(), e.toString());
                }
                return Outcome.GIVEN_UP;
            }
            default -> {
                if (closed) {
                    return Outcome.GIVEN_UP;
                }
                if (!failure.getMessage().equals(away)) {
                    away = failure.getMessage();
                    LOG.warn("recordings: cannot upload to the hub, keeping {} recording(s) and trying again: {}",
                            queue.size() + 1, failure.getMessage());
                }
                return Outcome.RETRY;
            }
        }
    }

    private void delete(String sessionId) {
        try {
            spools.delete(sessionId);
        } catch (IOException e) {
            LOG.warn("recordings: cannot remove {} after its upload: {}", spools.cast(sessionId), e.toString());
        }
    }

    /** Between half and all of the wait, so that agents cut off together do not all come back at once. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    /** Stops uploading; what is left stays in the spool for the next start. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        UploadStream stream = current;
        if (stream != null) {
            stream.cancel("mezd stops");
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
