package org.mezite.node.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A {@code session} channel of the node's server: it keeps the terminal request and the locale the client sent for
 * the command that follows, refuses a terminal the certificate does not permit, passes window changes and signals
 * on to the running process, and ends with {@code exit-signal} instead of {@code exit-status} when the process was
 * killed by a signal.
 */
final class NodeChannelSession extends ChannelSession {

    static final String PERMIT_PTY = "permit-pty";

    private final String sessionId = UUID.randomUUID().toString();
    private final Map<String, String> requestedEnvironment = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile PtyRequest pty;
    private volatile SessionCommand command;
    private volatile String exitSignal;

    /** Makes the channels of type {@code session}. */
    static final class Factory implements ChannelFactory {
        @Override
        public String getName() {
            return "session";
        }

        @Override
        public Channel createChannel(Session session) {
            return new NodeChannelSession();
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
