package org.mezite.agent.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.mezite.api.recording.SessionRecording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's recording, written to its spool as asciicast v2 as the terminal shows it; when the session ends,
 * marked complete and handed on ({@code ended}: to the uploader, or to the session's {@link LiveUpload}). A spool
 * that cannot be written (disk full) is a failure of the recording ({@code failed}); what was written is then
 * uploaded as an incomplete recording.
 */
final class SpooledRecording implements SessionRecording {

    private static final Logger LOG = LoggerFactory.getLogger(SpooledRecording.class);

    /** Told the spool's size after each write, and when the session ends. */
    interface Listener {
        void written(long size);

        /** @param complete false when the spool could not be written to the end */
        void ended(long size, boolean complete);
    }

    private final String sessionId;
    private final SpoolDirectory spools;
    private final RecordingSpool spool;
    private final AsciicastEncoder encoder = new AsciicastEncoder();
    private final long startNanos = System.nanoTime();
    private final Listener listener;
    private final Consumer<String> failed;
    private boolean ended;
    private boolean broken;

    /**
     * @param header the asciicast header line, written first
     * @param failed told why, once, when the spool cannot be written
     */
    SpooledRecording(String sessionId, SpoolDirectory spools, RecordingSpool spool, byte[] header, Listener listener,
            Consumer<String> failed) {
        this.sessionId = sessionId;
        this.spools = spools;
        this.spool = spool;
        this.listener = listener;
        this.failed = failed;
        write(header);
    }

    @Override
    public synchronized void output(byte[] data, int offset, int length) {
        if (ended || broken) {
            return;
        }
        byte[] event = encoder.output(data, offset, length, System.nanoTime() - startNanos);
        if (event != null) {
            write(event);
        }
    }

    @Override
    public synchronized void resize(int columns, int rows) {
        if (!ended && !broken) {
            write(AsciicastEncoder.resize(columns, rows, System.nanoTime() - startNanos));
        }
    }

    @Override
    public void end() {
        long size;
        boolean complete;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (!broken) {
                byte[] rest = encoder.finish(System.nanoTime() - startNanos);
                if (rest != null) {
                    write(rest);
                }
            }
            try {
                spool.finish();
                if (!broken) {
                    spools.markEnded(sessionId);
                }
            } catch (IOException e) {
                LOG.warn("recordings: cannot mark the recording of session {} complete ({}); it will be uploaded as"
                        + " incomplete: {}", sessionId, spool.file(), e.toString());
            }
            size = spool.size();
            complete = !broken;
        }
        listener.ended(size, complete);
    }

    private void write(byte[] line) {
        try {
            spool.append(line);
        } catch (IOException e) {
            broken = true;
            failed.accept("cannot write " + spool.file() + ": " + e.getMessage());
            return;
        }
        listener.written(spool.size());
    }
}
