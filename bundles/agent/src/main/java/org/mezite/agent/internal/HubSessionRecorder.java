package org.mezite.agent.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.recording.RecordingHeader;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.SessionRecorder;
import org.mezite.api.recording.SessionRecording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's session recorder. Every recorded session is spooled to the agent's disk first
 * ({@link SpoolDirectory}), then taken to Auth as the cluster's recording mode (from the access policy) says when the
 * session starts: {@code node} uploads it once the session has ended, {@code node-sync} streams it while the session
 * runs ({@link LiveUpload}), {@code off} records nothing. Spools left by an agent that was stopped or killed during a
 * session are uploaded at start, marked incomplete.
 *
 * <p>A recording that cannot be kept (its spool cannot be written; in {@code node-sync}, Auth cannot be reached) ends
 * the session when the user's roles say {@code record_session: strict}; with {@code best_effort} the recorder logs why
 * and keeps what it can, which is uploaded later.
 */
final class HubSessionRecorder implements SessionRecorder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubSessionRecorder.class);

    private final SpoolDirectory spools;
    private final Supplier<RecordingMode> mode;
    private final UploadStream.Hub hub;
    private final Supplier<String> nodeId;
    private final RecordingUploader uploader;
    private final Set<LiveUpload> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Queues the spools left from before for upload and starts uploading.
     *
     * @param mode   the cluster's recording mode now
     * @param hub    opens an upload stream to Auth
     * @param nodeId the node's id, which Auth checks against its certificate
     */
    HubSessionRecorder(SpoolDirectory spools, Supplier<RecordingMode> mode, UploadStream.Hub hub,
            Supplier<String> nodeId) {
        this.spools = spools;
        this.mode = mode;
        this.hub = hub;
        this.nodeId = nodeId;
        this.uploader = new RecordingUploader(spools, hub, nodeId);
        // before the recorder is offered to the SSH server: every spool here belongs to a session that is over
        try {
            List<String> left = spools.spooled();
            if (!left.isEmpty()) {
                long incomplete = left.stream().filter(id -> !spools.ended(id)).count();
                LOG.info("recordings: {} recording(s) in {} wait for upload ({} cut off when mezd stopped)",
                        left.size(), spools.directory(), incomplete);
            }
            left.forEach(uploader::upload);
        } catch (IOException e) {
            LOG.error("recordings: cannot look for recordings left in {}: {}", spools.directory(), e.toString());
        }
        uploader.start();
    }

    @Override
    public SessionRecording start(RecordingHeader header, Consumer<String> onFailure) {
        RecordingMode now = mode.get();
        if (now == RecordingMode.OFF || closed) {
            return DiscardedRecording.INSTANCE;
        }
        String sessionId = header.sessionId();
        Consumer<String> failure = failureOf(header, onFailure);
        RecordingSpool spool;
        try {
            spool = spools.create(sessionId);
        } catch (IOException e) {
            failure.accept("cannot create " + spools.cast(sessionId) + ": " + e.getMessage());
            return DiscardedRecording.INSTANCE;
        }
        byte[] headerLine = AsciicastEncoder.header(header);
        if (now == RecordingMode.NODE) {
            return new SpooledRecording(sessionId, spools, spool, headerLine, new SpooledRecording.Listener() {
                @Override
                public void written(long size) {
                    // uploaded once the session is over
                }

                @Override
                public void ended(long size, boolean complete) {
                    uploader.upload(sessionId);
                }
            }, failure);
        }
        LiveUpload upload = new LiveUpload(sessionId, spools, hub, nodeId, uploader,
                why -> failure.accept("the recording cannot reach Auth: " + why), live::remove);
        live.add(upload);
        SpooledRecording recording = new SpooledRecording(sessionId, spools, spool, headerLine,
                new SpooledRecording.Listener() {
                    @Override
                    public void written(long size) {
                        upload.written(size);
                    }

                    @Override
                    public void ended(long size, boolean complete) {
                        upload.ended(size, complete);
                    }
                }, failure);
        upload.start();
        return recording;
    }

    /**
     * What to do when the session's recording cannot be kept, once: end the session ({@code strict}), or log why
     * and keep what can be kept ({@code best_effort}).
     */
    private static Consumer<String> failureOf(RecordingHeader header, Consumer<String> onFailure) {
        AtomicBoolean told = new AtomicBoolean();
        return why -> {
            if (!told.compareAndSet(false, true)) {
                return;
            }
            if (header.onFailure() == RecordSessionMode.STRICT) {
                LOG.warn("recordings: ending session {} of {} (record_session: strict): {}", header.sessionId(),
                        header.username(), why);
                onFailure.accept(why);
            } else {
                LOG.warn("recordings: session {} of {} goes on (record_session: best_effort), its recording is kept"
                        + " on this node and uploaded later: {}", header.sessionId(), header.username(), why);
            }
        };
    }

    /** Stops uploading; the spools stay for the next start (recordings still being written are left unfinished). */
    @Override
    public void close() {
        closed = true;
        live.forEach(LiveUpload::close);
        uploader.close();
    }
}
