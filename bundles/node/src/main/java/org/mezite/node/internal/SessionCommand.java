package org.mezite.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshUser;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.recording.RecordingHeader;
import org.mezite.api.recording.SessionRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shell, a command or the sftp subsystem, run as the connection's Unix login: looked up in the host's user
 * database, started through {@code setpriv} with the login's uid, gid and groups (unless the agent already runs as
 * that uid) in its home directory with sshd's environment, on a terminal when the client asked for one. Its start
 * and end are audited; a login the host does not have, or a file copy (sftp, scp) the user's roles do not allow, is
 * an error message and exit status 1. The server may end it with a message ({@link #end}). A session on a terminal
 * is recorded when the agent has a {@link SessionRecorder}; when the recorder says the recording cannot be kept (the
 * roles' {@code record_session: strict}), the session ends with {@code recording failed: ...}.
 */
final class SessionCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommand.class);
    /** How long telling the user why their session ends may hold up ending it (a client that reads nothing). */
    private static final long TELL_MILLIS = 1000;

    /** What the channel asked for. */
    enum Kind { SHELL, EXEC, SFTP }

    /**
     * What every session command shares.
     *
     * @param recorder the session recorder there is now, or {@code null}: asked as each terminal session starts, so
     *                 that a recorder that comes or goes (the agent bundle restarted) leaves running sessions alone
     */
    record Host(UnixAccounts accounts, HostPrograms programs, AccessChecker access, NodeAudit audit,
            ExecutorService executor, Clock clock, int agentUid, Supplier<SessionRecorder> recorder) {
    }

    private final Host host;
    private final Kind kind;
    private final String commandLine;

    private InputStream input;
    private OutputStream output;
    private OutputStream error;
    private ExitCallback exit;
    private NodeChannelSession channel;
    private volatile SessionProcess process;
    private volatile boolean destroyed;
    private volatile String endReason;

    SessionCommand(Host host, Kind kind, String commandLine) {
        this.host = host;
        this.kind = kind;
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        input = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        output = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        error = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        exit = callback;
    }

    @Override
    public void start(ChannelSession session, Environment env) throws IOException {
        channel = (NodeChannelSession) session;
        channel.command(this);
        Map<String, String> mina = env.getEnv();
        String authSock = mina.get("SSH_AUTH_SOCK");
        try {
            // the lookup and the start run commands of their own: not on MINA's I/O threads
            host.executor().execute(() -> run(authSock));
        } catch (RejectedExecutionException e) {
            throw new IOException("the node's SSH server is stopping", e);
        }
    }

    @Override
    public void destroy(ChannelSession session) {
        destroyed = true;
        SessionProcess running = process;
        if (running != null) {
            running.hangup();
        }
    }

    /**
     * Ends the session from the server's side: writes {@code mezd: REASON} where the user reads it (the terminal, or
     * stderr without one), then hangs the process up, so that the channel closes with the way the process ended.
     * Blocks at most about a second on a client that does not read.
     */
    void end(String reason) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
        }
        boolean terminal = kind != Kind.SFTP && channel != null && channel.pty() != null;
        OutputStream stream = terminal ? output : error;
        String text = terminal ? "\r\nmezd: " + reason + "\r\n" : "mezd: " + reason + "\n";
        if (stream != null) {
            try {
                CompletableFuture.runAsync(() -> write(stream, text), host.executor()).get(TELL_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | RejectedExecutionException e) {
                LOG.debug("session {}: cannot tell the user why it ends: {}", sessionId(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SessionProcess running = process;
        if (running != null) {
            running.hangup();
        }
    }

    private String sessionId() {
        return channel == null ? "(not started)" : channel.sessionId();
    }

    void resize(int columns, int rows, int width, int height) {
        SessionProcess running = process;
        if (running != null) {
            running.resize(columns, rows, width, height);
        }
    }

    void signal(String name) {
        SessionProcess running = process;
        Optional<Integer> number = Signals.number(name);
        if (running != null && number.isPresent()) {
            running.signal(number.get());
        } else if (number.isEmpty()) {
            LOG.debug("ignoring the unknown signal {}", name);
        }
    }

    private void run(String authSock) {
        Connection connection = Connection.authenticated(channel.getSession());
        String login = connection.login();
        String nodeName = connection.identity().nodeName();
        PtyRequest pty = kind == Kind.SFTP ? null : channel.pty();
        String newline = pty != null ? "\r\n" : "\n";
        if (endReason != null) {
            exit.onExit(1); // ended before it started; the user was told
            return;
        }
        String copyRefusal = fileCopyRefusal(connection);
        if (copyRefusal != null) {
            fail("mezd: " + copyRefusal + newline);
            return;
        }
        try {
            Optional<UnixAccount> found = host.accounts().find(login);
            if (found.isEmpty()) {
                String reason = "login \"" + login + "\" does not exist on " + nodeName;
                host.audit().rejected(connection, connection.user(), login, channel.sessionId(), reason);
                fail("mezd: " + reason + newline);
                return;
            }
            UnixAccount account = found.get();
            String refusal = cannotBecome(account);
            if (refusal != null) {
                host.audit().rejected(connection, connection.user(), login, channel.sessionId(), refusal);
                fail("mezd: " + refusal + newline);
                return;
            }
            List<String> program = program(account);
            if (program == null) {
                fail("mezd: " + nodeName + " has no sftp-server (install OpenSSH's sftp server, e.g. Debian's "
                        + "openssh-sftp-server)" + newline);
                return;
            }
            String directory = account.home();
            if (!Files.isDirectory(Path.of(directory))) {
                write(error, "mezd: could not chdir to home directory " + directory + ": no such directory"
                        + newline);
                directory = "/";
            }
            runAs(connection, account, program, directory, pty, authSock);
        } catch (IOException | RuntimeException e) {
            LOG.warn("session {} of {} as {} failed: {}", channel.sessionId(), connection.user().username(), login,
                    e.toString());
            fail("mezd: cannot start the session as \"" + login + "\" on " + nodeName + ": " + e.getMessage()
                    + newline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("mezd: the node's SSH server is stopping" + newline);
        }
    }

    private void runAs(Connection connection, UnixAccount account, List<String> program, String directory,
            PtyRequest pty, String authSock) throws IOException, InterruptedException {
        InetSocketAddress local = channel.getSession().getLocalAddress() instanceof InetSocketAddress inet ? inet
                : null;
        Map<String, String> requested = channel.requestedEnvironment();
        SessionProcess started;
        String tty = null;
        if (pty != null) {
            PtySessionProcess terminal = PtySessionProcess.open(pty, account, host.executor());
            tty = terminal.tty();
            try {
                terminal.start(asLogin(account, program, false), SessionEnvironment.of(account,
                        connection.origin(), local, requested, pty.term(), tty, authSock), directory);
            } catch (IOException | RuntimeException e) {
                terminal.hangup(); // closes the terminal nobody will use
                throw e;
            }
            terminal.record(recording(connection));
            started = terminal;
        } else {
            SftpRequestAudit requests = kind != Kind.SFTP ? null : new SftpRequestAudit(details -> host.audit()
                    .event("sftp", NodeAudit.SUCCESS, connection, channel.sessionId(), details));
            started = PipeSessionProcess.start(asLogin(account, program, true), SessionEnvironment.of(account,
                    connection.origin(), local, requested, null, null, authSock), directory, host.executor(),
                    requests);
        }
        process = started;
        if (destroyed || endReason != null) {
            started.hangup();
        }
        Instant begin = host.clock().instant();
        auditStart(connection, tty);
        Traffic traffic = new Traffic(() -> channel.getSession().resetIdleTimeout());
        int status = started.pump(input, output, error, traffic);
        Optional<String> signal = Signals.ofExitStatus(status);
        auditEnd(connection, tty, begin, traffic, status, signal);
        if (!channel.isClosing()) {
            signal.ifPresent(channel::exitSignal);
            try {
                error.flush();
            } catch (IOException e) {
                LOG.debug("session {}: stderr ends: {}", channel.sessionId(), e.toString());
            }
        }
        exit.onExit(status); // when the client left first, this only lets the channel finish closing
    }

    /** The recording of the terminal session, from the recorder there is now; none without a recorder. */
    private TerminalRecording recording(Connection connection) {
        SessionRecorder recorder = host.recorder().get();
        if (recorder == null) {
            return TerminalRecording.NONE;
        }
        String sessionId = channel.sessionId();
        SshUser user = connection.user();
        RecordSessionMode onFailure = RecordSessionMode.BEST_EFFORT;
        try {
            onFailure = host.access().sessionOptions(user, connection.identity().target()).recordSession();
            PtyRequest pty = channel.pty(); // the size now, after any window change since the request
            String term = pty.term() == null || pty.term().isBlank() ? null : pty.term();
            RecordingHeader header = new RecordingHeader(sessionId, user.username(), connection.login(),
                    connection.identity().nodeId(), connection.identity().nodeName(), user.roles(),
                    size(pty.columns(), 80), size(pty.rows(), 24), term, host.clock().instant(), onFailure);
            return new TerminalRecording(recorder.start(header, this::recordingFailed), sessionId);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("session {}: cannot start its recording: {}", sessionId, e.toString());
            if (onFailure == RecordSessionMode.STRICT) {
                recordingFailed("the recorder cannot start: " + e.getMessage());
            }
            return TerminalRecording.NONE;
        }
    }

    /** A terminal dimension for the recording: a client without a terminal of its own asks for 0x0 (ssh -tt). */
    private static int size(int asked, int usual) {
        return asked > 0 ? asked : usual;
    }

    /**
     * Ends the session because its recording cannot be kept. The recorder may call this from any thread, the one
     * that feeds it included: ending waits for the user to be told, so it runs on a thread of its own.
     */
    private void recordingFailed(String reason) {
        LOG.warn("session {}: ending it, its recording failed: {}", sessionId(), reason);
        try {
            host.executor().execute(() -> end("recording failed: " + reason));
        } catch (RejectedExecutionException e) {
            // the server is stopping, which ends the session anyway
        }
    }

    /**
     * Why the user may not copy files here when the session is a file copy (the sftp subsystem, an scp command),
     * audited as a failed {@code sftp} or {@code scp}; {@code null} when it is allowed or not a file copy.
     */
    private String fileCopyRefusal(Connection connection) {
        boolean sftp = kind == Kind.SFTP || kind == Kind.EXEC && ScpRequest.runsSftpServer(commandLine);
        boolean scp = kind == Kind.EXEC && ScpRequest.runsScp(commandLine);
        if (!sftp && !scp) {
            return null;
        }
        AccessDecision decision = host.access().checkAction(connection.user(), SshAction.FILE_COPY,
                connection.identity().target());
        if (decision.allowed()) {
            return null;
        }
        String reason = "file copy (scp, sftp) is not allowed on " + connection.identity().nodeName() + ": "
                + decision.reason();
        AuditDetails details = new AuditDetails().put("action", "start").put("reason", reason);
        if (kind == Kind.EXEC) {
            details.put("command", commandLine);
        }
        host.audit().event(sftp ? "sftp" : "scp", NodeAudit.FAILURE, connection, channel.sessionId(), details);
        LOG.info("{} may not copy files as {}: {}", connection.user().username(), connection.login(),
                decision.reason());
        return reason;
    }

    /** Why the agent cannot start a process as the account, or {@code null} when it can. */
    private String cannotBecome(UnixAccount account) {
        if (account.uid() == host.agentUid()) {
            return null;
        }
        if (host.agentUid() != 0) {
            return "cannot start a session as \"" + account.name() + "\": the agent runs as uid " + host.agentUid()
                    + ", not as root";
        }
        if (host.programs().setpriv().isEmpty()) {
            return "cannot start a session as \"" + account.name() + "\": setpriv (util-linux) is not installed";
        }
        return null;
    }

    /** The program and its arguments; {@code null} for sftp on a host without sftp-server. */
    private List<String> program(UnixAccount account) {
        return switch (kind) {
            case SHELL -> List.of(account.shell(), "-l");
            case EXEC -> List.of(account.shell(), "-c", commandLine);
            case SFTP -> host.programs().sftpServer().map(p -> List.of(p.toString())).orElse(null);
        };
    }

    /** Wraps the program to run with the account's ids, and without a terminal in a session of its own. */
    private List<String> asLogin(UnixAccount account, List<String> program, boolean ownSession) {
        List<String> command = new ArrayList<>();
        if (ownSession) {
            host.programs().setsid().ifPresent(setsid -> command.add(setsid.toString()));
        }
        if (account.uid() != host.agentUid()) {
            command.add(host.programs().setpriv().orElseThrow().toString());
            command.add("--reuid=" + account.uid());
            command.add("--regid=" + account.gid());
            command.add("--init-groups");
            command.add("--");
        }
        command.addAll(program);
        return command;
    }

    private void auditStart(Connection connection, String tty) {
        AuditDetails details = new AuditDetails().put("kind", kindName()).put("tty", tty != null);
        if (kind == Kind.EXEC) {
            details.put("command", commandLine);
        }
        host.audit().event("session.start", NodeAudit.SUCCESS, connection, channel.sessionId(), details);
        if (kind == Kind.SFTP) {
            host.audit().event("sftp", NodeAudit.SUCCESS, connection, channel.sessionId(),
                    new AuditDetails().put("action", "start"));
        }
        if (kind == Kind.EXEC) {
            ScpRequest.parse(commandLine).ifPresent(scp -> host.audit().event("scp", NodeAudit.SUCCESS, connection,
                    channel.sessionId(), new AuditDetails().put("action", scp.action()).put("path", scp.path())
                            .put("recursive", scp.recursive()).put("command", commandLine)));
        }
    }

    private void auditEnd(Connection connection, String tty, Instant begin, Traffic traffic, int status,
            Optional<String> signal) {
        String sessionId = channel.sessionId();
        if (kind == Kind.EXEC) {
            AuditDetails exec = new AuditDetails().put("command", commandLine);
            exitOf(exec, status, signal);
            host.audit().event("exec", status == 0 ? NodeAudit.SUCCESS : NodeAudit.FAILURE, connection, sessionId,
                    exec);
        }
        if (kind == Kind.SFTP) {
            host.audit().event("sftp", NodeAudit.SUCCESS, connection, sessionId, new AuditDetails().put("action", "end")
                    .put("bytes_in", traffic.bytesIn()).put("bytes_out", traffic.bytesOut()));
        }
        AuditDetails end = new AuditDetails().put("kind", kindName())
                .put("duration_ms", Duration.between(begin, host.clock().instant()).toMillis())
                .put("bytes_in", traffic.bytesIn()).put("bytes_out", traffic.bytesOut()).put("tty", tty != null);
        exitOf(end, status, signal);
        end.put("reason", endReason); // why the server ended it; left out when it ended by itself
        host.audit().event("session.end", NodeAudit.SUCCESS, connection, sessionId, end);
    }

    private static void exitOf(AuditDetails details, int status, Optional<String> signal) {
        if (signal.isPresent()) {
            details.put("exit_signal", signal.get());
        } else {
            details.put("exit_status", status);
        }
    }

    private String kindName() {
        return switch (kind) {
            case SHELL -> "shell";
            case EXEC -> "exec";
            case SFTP -> "subsystem";
        };
    }

    private void fail(String message) {
        write(error, message);
        exit.onExit(1);
    }

    private static void write(OutputStream stream, String text) {
        try {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            LOG.debug("cannot tell the client: {}", e.toString());
        }
    }
}
