package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshUser;
import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.recording.RecordingSinkUnavailableException;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code recordings get SESSION_ID}: writes the stored recording (asciicast v2, gzip-compressed, as the sink holds it)
 * to standard output, for users whose roles allow {@code read} on {@code session}; every request is audited as
 * {@code recording.access} ({@code success}, {@code denied} or {@code failure}).
 * <p>
 * Recordings can be large and the client plays them as they arrive, so they are streamed: one chunk is read from the
 * sink, written, and the next read only once the channel has taken it (the client's window). A slow reader thus
 * holds the proxy to its pace without a thread of the proxy waiting on it.
 */
final class RecordingGetCommand extends ProxyCommand {

    static final int CHUNK = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(RecordingGetCommand.class);

    private final RecordingAccess access;
    private final String sessionId;
    private final AtomicBoolean streamClosed = new AtomicBoolean();
    /** Read by one task at a time: each next task is started when the write before it completed. */
    private InputStream stream;
    private long sent;
    /** Guarded by {@code this}: the channel closed; a task is reading the stream now. */
    private boolean channelClosed;
    private boolean reading;

    RecordingGetCommand(RecordingAccess access, RecordingRequest.GetRecording request) {
        this.access = access;
        this.sessionId = request.sessionId();
    }

    @Override
    public void start(ChannelSession session, Environment environment) {
        try {
            access.executor().execute(() -> open(session));
        } catch (RejectedExecutionException e) {
            fail("the proxy is shutting down");
        }
    }

    private void open(ChannelSession session) {
        SshUser user = ProxySessions.user(session.getSession());
        String client = ProxySessions.clientAddress(session.getSession());
        ProxyAudit audit = access.audit();
        try {
            AccessDecision decision = access.check(user, "read");
            if (!decision.allowed()) {
                LOG.info("proxy-ssh: {} from {} may not read the recording of session {}: {}", user.username(),
                        client, sessionId, decision.reason());
                audit.recordingAccess(user, sessionId, client, ProxyAudit.DENIED, decision.reason(), null);
                fail("access denied: " + decision.reason());
                return;
            }
            Recordings recordings = access.recordings();
            if (recordings == null) {
                audit.recordingAccess(user, sessionId, client, ProxyAudit.FAILURE, RecordingAccess.NOT_AVAILABLE,
                        null);
                fail(RecordingAccess.NOT_AVAILABLE);
                return;
            }
            Optional<RecordingInfo> info = recordings.find(sessionId);
            if (info.isEmpty()) {
                notFound(user, client);
                return;
            }
            InputStream opened = recordings.open(sessionId);
            synchronized (this) {
                stream = opened;
            }
            audit.recordingAccess(user, sessionId, client, ProxyAudit.SUCCESS, decision.reason(), info.get());
        } catch (NotFoundException | NoSuchFileException e) {
            notFound(user, client);
            return;
        } catch (RecordingSinkUnavailableException e) {
            audit.recordingAccess(user, sessionId, client, ProxyAudit.FAILURE, e.getMessage(), null);
            fail(e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            LOG.error("proxy-ssh: cannot open the recording of session {} for {}", sessionId, user.username(), e);
            audit.recordingAccess(user, sessionId, client, ProxyAudit.FAILURE, "cannot open the recording: "
                    + e.getMessage(), null);
            fail("cannot open the recording of session " + sessionId + ": internal error (see the hub's log)");
            return;
        }
        pump();
    }

    private void notFound(SshUser user, String client) {
        String message = "no recording of session " + sessionId;
        access.audit().recordingAccess(user, sessionId, client, ProxyAudit.FAILURE, message, null);
        fail(message);
    }

    /** Reads the next chunk and writes it; the write's completion schedules the next. */
    private void pump() {
        synchronized (this) {
            if (channelClosed) {
                closeStream();
                return;
            }
            reading = true;
        }
        byte[] chunk = new byte[CHUNK];
        int length;
        try {
            length = stream.readNBytes(chunk, 0, CHUNK);
        } catch (IOException | RuntimeException e) {
            LOG.warn("proxy-ssh: reading the recording of session {} failed after {} bytes: {}", sessionId, sent,
                    e.getMessage());
            closeStream();
            fail("cannot read the recording of session " + sessionId + " after " + sent + " bytes: "
                    + e.getMessage());
            return;
        } finally {
            synchronized (this) {
                reading = false;
            }
        }
        synchronized (this) {
            if (channelClosed) {
                closeStream();
                return;
            }
        }
        if (length == 0) {
            closeStream();
            exit(0, null);
            return;
        }
        IoWriteFuture written;
        try {
            written = out().writeBuffer(new ByteArrayBuffer(chunk, 0, length));
        } catch (IOException | RuntimeException e) {
            LOG.debug("proxy-ssh: cannot write the recording of session {} to {}: {}", sessionId, channel(),
                    e.getMessage());
            closeStream();
            return;
        }
        written.addListener(future -> {
            if (!future.isWritten()) {
                // the client went away: nothing to tell it
                LOG.debug("proxy-ssh: the client of {} stopped reading the recording of session {} after {} bytes",
                        channel(), sessionId, sent);
                closeStream();
                return;
            }
            sent += length;
            try {
                access.executor().execute(this::pump);
            } catch (RejectedExecutionException e) {
                closeStream();
                fail("the proxy is shutting down");
            }
        });
    }

    private void closeStream() {
        InputStream opened;
        synchronized (this) {
            opened = stream;
        }
        if (opened != null && streamClosed.compareAndSet(false, true)) {
            try {
                opened.close();
            } catch (IOException e) {
                LOG.debug("proxy-ssh: closing the recording of session {}: {}", sessionId, e.getMessage());
            }
        }
    }

    /**
     * Told when the client's input ends and when the channel closes while the recording is being sent: the client
     * closed it (stopped playing). Then the write waiting for the client's window can never complete, so output is
     * dropped at once, which lets the channel close.
     */
    @Override
    ChannelDataReceiver receiver() {
        return new ChannelDataReceiver() {
            @Override
            public int data(ChannelSession session, byte[] buffer, int start, int length) {
                return length;
            }

            @Override
            public void close() {
                if (channel().isClosing()) {
                    LOG.debug("proxy-ssh: {} closed while the recording of session {} was sent ({} bytes)", channel(),
                            sessionId, sent);
                    channelClosed();
                    out().close(true);
                    exit(1, "closed by the client");
                }
            }
        };
    }

    @Override
    public void destroy(ChannelSession session) {
        channelClosed();
    }

    /**
     * Nothing more is written: the stream is closed here unless a task is reading it (which then closes it), on a
     * worker, since closing may touch a disk or a database.
     */
    private void channelClosed() {
        boolean idle;
        synchronized (this) {
            channelClosed = true;
            idle = !reading;
        }
        if (idle) {
            try {
                access.executor().execute(this::closeStream);
            } catch (RejectedExecutionException e) {
                closeStream();
            }
        }
    }
}
