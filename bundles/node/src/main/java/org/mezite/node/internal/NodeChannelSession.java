package org.mezite.node.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code session} channel of the node's server: it opens only within the roles' {@code max_sessions} for the
 * connection, keeps the terminal request and the locale the client sent for the command that follows, refuses a
 * terminal the certificate does not permit, passes window changes and signals on to the running process, ends with
 * {@code exit-signal} instead of {@code exit-status} when the process was killed by a signal, and can be ended by the
 * server with a message for the user.
 */
final class NodeChannelSession extends ChannelSession {

    static final String PERMIT_PTY = "permit-pty";

    private static final Logger LOG = LoggerFactory.getLogger(NodeChannelSession.class);

    private final NodeAudit audit;
    private final String sessionId = UUID.randomUUID().toString();
    private final Map<String, String> requestedEnvironment = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile PtyRequest pty;
    private volatile SessionCommand command;
    private volatile String exitSignal;

    /** Makes the channels of type {@code session}. */
    static final class Factory implements ChannelFactory {
        private final NodeAudit audit;

        Factory(NodeAudit audit) {
            this.audit = audit;
        }

        @Override
        public String getName() {
            return "session";
        }

        @Override
        public Channel createChannel(Session session) {
            return new NodeChannelSession(audit);
        }
    }

    private NodeChannelSession(NodeAudit audit) {
        this.audit = audit;
    }

    /** Opens the channel if the connection may have one more session; else refuses it with the reason. */
    @Override
    protected OpenFuture doInit(Buffer buffer) {
        Connection connection = Connection.of(getSession());
        String refusal = connection == null || !connection.isAuthenticated() ? "mezd: not authenticated"
                : connection.admit(this);
        if (refusal == null) {
            addCloseFutureListener(closed -> connection.sessionClosed(this));
            return super.doInit(buffer);
        }
        if (connection != null) {
            connection.refuseOpen(getRecipient(), refusal);
            if (connection.isAuthenticated() && connection.endReason() == null) {
                audit.rejected(connection, connection.user(), connection.login(), sessionId, refusal);
                LOG.info("refusing a session of {}: {}", connection.user().username(), refusal);
            }
        }
        OpenFuture refused = new DefaultOpenFuture(this, this);
        try {
            refused.setException(new SshChannelOpenException(getChannelId(),
                    SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, refusal));
        } finally {
            close(true); // never opened: nothing to tell the client besides the refusal
        }
        return refused;
    }

    /**
     * Ends the session from the server's side (a lock, an administrator): the user reads why on the terminal (or
     * stderr), the process is hung up, and the channel closes with how it ended.
     */
    void end(String reason) {
        SessionCommand running = command;
        if (running != null) {
            running.end(reason);
        } else {
            close(false); // nothing runs yet
        }
    }

    /** The audit's session id: one per session channel. */
    String sessionId() {
        return sessionId;
    }

    /** The terminal asked for, or {@code null}. */
    PtyRequest pty() {
        return pty;
    }

    Map<String, String> requestedEnvironment() {
        synchronized (requestedEnvironment) {
            return Map.copyOf(requestedEnvironment);
        }
    }

    void command(SessionCommand running) {
        command = running;
    }

    /** Ends the channel with {@code exit-signal NAME} rather than an exit status. */
    void exitSignal(String name) {
        exitSignal = name;
    }

    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) throws IOException {
        if (!SessionEnvironment.accepts(name)) {
            return RequestHandler.Result.ReplyFailure;
        }
        requestedEnvironment.put(name, value);
        return super.handleEnvParsed(name, value);
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
            Map<PtyMode, Integer> modes) throws IOException {
        Connection connection = Connection.of(getSession());
        if (connection == null || !connection.isAuthenticated()
                || !connection.user().extensions().contains(PERMIT_PTY)) {
            return RequestHandler.Result.ReplyFailure;
        }
        pty = new PtyRequest(term, columns, rows, width, height, modes);
        return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
    }

    @Override
    protected RequestHandler.Result handleWindowChangeParsed(int columns, int rows, int width, int height)
            throws IOException {
        PtyRequest current = pty;
        if (current != null) {
            pty = new PtyRequest(current.term(), columns, rows, width, height, current.modes());
        }
        SessionCommand running = command;
        if (running != null) {
            running.resize(columns, rows, width, height);
        }
        return RequestHandler.Result.ReplySuccess;
    }

    @Override
    protected RequestHandler.Result handleSignalParsed(String name) throws IOException {
        SessionCommand running = command;
        if (running != null) {
            running.signal(name);
        }
        return RequestHandler.Result.ReplySuccess;
    }

    @Override
    protected RequestHandler.Result handleBreakParsed(long length) throws IOException {
        return handleSignalParsed("INT");
    }

    @Override
    protected void sendExitStatus(int status) throws IOException {
        String signal = exitSignal;
        if (signal == null) {
            super.sendExitStatus(status);
            return;
        }
        if (exitStatusSent.getAndSet(true)) {
            return;
        }
        Buffer buffer = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
        buffer.putUInt(getRecipient());
        buffer.putString("exit-signal");
        buffer.putBoolean(false); // want-reply: never, RFC 4254 6.10
        buffer.putString(signal);
        buffer.putBoolean(false); // core dumped: not known
        buffer.putString("");
        buffer.putString("");
        writePacket(buffer);
        notifyStateChanged("exit-signal");
    }
}
