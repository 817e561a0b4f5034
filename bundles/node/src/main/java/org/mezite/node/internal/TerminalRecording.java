package org.mezite.node.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.mezite.api.recording.SessionRecording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal session's recording as the session feeds it: a recorder that throws (a bug, or its bundle stopping under
 * a running session) is logged once and fed no more, so that it can never break the session itself. Whether a
 * recording that cannot be kept ends the session is the recorder's decision, told through its failure callback.
 */
final class TerminalRecording {

    /** Feeds nothing: the session is not recorded (no recorder, or not a terminal). */
    static final TerminalRecording NONE = new TerminalRecording(null, null);

    private static final Logger LOG = LoggerFactory.getLogger(TerminalRecording.class);

    private final SessionRecording recording;
    private final String sessionId;
    private final AtomicBoolean broken = new AtomicBoolean();

    TerminalRecording(SessionRecording recording, String sessionId) {
        this.recording = recording;
        this.sessionId = sessionId;
    }

    void output(byte[] data, int offset, int length) {
        if (recording != null && !broken.get()) {
            try {
                recording.output(data, offset, length);
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    void resize(int columns, int rows) {
        if (recording != null && !broken.get()) {
            try {
                recording.resize(columns, rows);
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    void end() {
        if (recording != null && !broken.get()) {
            try {
                recording.end();
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    private void failed(Throwable e) {
        if (broken.compareAndSet(false, true)) {
            LOG.warn("session {}: the recorder failed; the rest of the session is not recorded: {}", sessionId,
                    e.toString());
        }
    }
}
