package org.mezite.agent.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's recording streamed to Auth as it is spooled ({@code node-sync}), on a thread of its own so that the
 * terminal never waits for the network: the session's thread only says how far the spool has grown, and this thread
 * reads on from the spool file and sends as fast as the stream takes it. At the end it sends the rest, waits until Auth
 * has stored the recording and deletes the spool. When the stream cannot be opened or breaks, the session is told
 * ({@code broken}) and the spool is handed to the {@link RecordingUploader} once the session has ended, which resumes
 * from what Auth holds.
 */
final class LiveUpload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpload.class);

    private final String sessionId;
    private final SpoolDirectory spools;
    private final UploadStream.Hub hub;
    private final Supplier<String> nodeId;
    private final RecordingUploader uploader;
    private final Consumer<String> broken;
    private final Consumer<LiveUpload> done;
    private final Object monitor = new Object();
    private final Thread thread;
    // guarded by monitor
    private long written;
    private long endSize = -1;
    private boolean complete;
    private boolean failed;
    private boolean closed;
    private boolean handedOff;

    /**
     * @param broken told why, once, when the stream fails while the session runs
     * @param done   told when the upload's thread ends, whichever way
     */
    LiveUpload(String sessionId, SpoolDirectory spools, UploadStream.Hub hub, Supplier<String> nodeId,
            RecordingUploader uploader, Consumer<String> broken, Consumer<LiveUpload> done) {
        this.sessionId = sessionId;
        this.spools = spools;
        this.hub = hub;
        this.nodeId = nodeId;
        this.uploader = uploader;
        this.broken = broken;
        this.done = done;
        this.thread = new Thread(this::run, "mezd-recording-" + sessionId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The spool has grown to {@code size} bytes. Never blocks for long: called by the terminal's thread. */
    void written(long size) {
        synchronized (monitor) {
            written = size;
            monitor.notifyAll();
        }
    }

    /** The session ended with a spool of {@code size} bytes; the upload finishes, here or by the uploader. */
    void ended(long size, boolean whole) {
        boolean handOff;
        synchronized (monitor) {
            written = size;
            endSize = size;
            complete = whole;
            handOff = failed && !handedOff;
            handedOff |= handOff;
            monitor.notifyAll();
        }
        if (handOff) {
            uploader.upload(sessionId);
        }
    }

    private void run() {
        UploadStream stream = null;
        try (FileChannel file = FileChannel.open(spools.cast(sessionId), StandardOpenOption.READ)) {
            stream = UploadStream.open(hub, this::wake);
            long sent = stream.start(sessionId, nodeId.get(), RecordingUploader.START_TIMEOUT);
            while (true) {
                long target;
                boolean end;
                boolean whole;
                synchronized (monitor) {
                    while (!closed && endSize < 0 && written <= sent && stream.failure() == null) {
                        monitor.wait();
                    }
                    if (closed) {
                        stream.cancel("mezd stops");
                        return;
                    }
                    end = endSize >= 0;
                    whole = complete;
                    target = written;
                }
                if (stream.failure() != null) {
                    throw new UploadStream.UploadFailure(stream.failure());
                }
                stream.sendFile(file, sent, target);
                sent = target;
                if (end) {
                    stream.end(sent, whole, RecordingUploader.STORE_TIMEOUT);
                    break;
                }
            }
            LOG.debug("recordings: session {} streamed ({} bytes)", sessionId, sent);
            delete();
        } catch (UploadStream.UploadFailure e) {
            if (stream != null) {
                stream.cancel("the upload failed");
            }
            failed(e.getMessage());
        } catch (IOException e) {
            failed("cannot read " + spools.cast(sessionId) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("recordings: streaming session {} failed unexpectedly", sessionId, e);
            if (stream != null) {
                stream.cancel("the upload failed");
            }
            failed(e.toString());
        } catch (InterruptedException e) {
            if (stream != null) {
                stream.cancel("mezd stops");
            }
        } finally {
            done.accept(this);
        }
    }

    private void delete() {
        try {
            spools.delete(sessionId);
        } catch (IOException e) {
            LOG.warn("recordings: cannot remove {} after its upload: {}", spools.cast(sessionId), e.toString());
        }
    }

    private void failed(String why) {
        boolean during;
        boolean handOff;
        synchronized (monitor) {
            if (closed) {
                return;
            }
            failed = true;
            during = endSize < 0;
            handOff = !during && !handedOff;
            handedOff |= handOff;
        }
        if (during) {
            broken.accept(why);
        } else {
            LOG.warn("recordings: cannot finish streaming session {} to the hub, uploading it later: {}", sessionId,
                    why);
        }
        if (handOff) {
            uploader.upload(sessionId);
        }
    }

    private void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Stops streaming without telling the session: mezd stops, and the spool waits for its next start. */
    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        thread.interrupt();
    }
}
