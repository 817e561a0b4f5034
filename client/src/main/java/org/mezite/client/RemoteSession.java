package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;

/**
 * One command, or the login shell, on a node with msh's standard streams attached, as {@code ssh} runs it: with a
 * PTY the local terminal goes raw, its size follows resizes and OpenSSH's escapes work; without one, standard input
 * is sent until its end and standard output and error stay apart. The result is the remote exit status.
 */
final class RemoteSession {

    /** What runs; {@code command} {@code null} for the login shell. */
    record Request(String command, boolean pty, boolean agentForwarding, Character escape) {
    }

    private static final int NO_STATUS = MshException.CONNECTION;

    private final ClientSession session;
    private final String nodeName;
    private final StdIo io;
    private final Map<String, String> environment;

    RemoteSession(ClientSession session, String nodeName, StdIo io, Map<String, String> environment) {
        this.session = session;
        this.nodeName = nodeName;
        this.io = io;
        this.environment = environment;
    }

    /** @return the remote exit status; 128 + the signal's number when a signal ended it; 255 when it never said */
    int run(Request request, Terminal terminal) throws IOException {
        Terminal tty = request.pty() ? terminal : null;
        PtyChannelConfiguration pty = new PtyChannelConfiguration();
        if (request.pty()) {
            pty.setPtyType(environment.getOrDefault("TERM", "xterm"));
            if (tty != null) {
                int[] size = tty.size();
                if (size != null) {
                    pty.setPtyColumns(size[0]);
                    pty.setPtyLines(size[1]);
                }
                pty.setPtyModes(TtyModes.of(tty.settings()));
            }
        }
        Map<String, String> env = localeEnvironment();
        PtyCapableChannelSession channel = request.command() == null ? session.createShellChannel(pty, env)
                : session.createExecChannel(request.command(), pty, env);
        channel.setUsePty(request.pty());
        channel.setAgentForwarding(request.agentForwarding());
        // MINA closes these streams with the channel; msh's own stdout and stderr must outlive it
        channel.setOut(new KeptOpen(io.out()));
        channel.setErr(new KeptOpen(io.err()));
        channel.open().verify(ClusterConnection.TIMEOUT);
        boolean[] disconnected = {false};
        try {
            if (tty != null) {
                tty.enterRawMode();
                tty.onResize(() -> resize(channel, tty));
            }
            Character escape = request.pty() ? request.escape() : null;
            Thread input = new Thread(() -> pumpInput(channel, escape, disconnected), "msh-stdin");
            input.setDaemon(true);
            input.start();
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
        } finally {
            if (tty != null) {
                tty.restore();
            }
        }
        if (request.pty() && tty != null) {
            io.err().write(("Connection to " + nodeName + " closed.\n").getBytes(StandardCharsets.UTF_8));
            io.err().flush();
        }
        if (disconnected[0]) {
            return NO_STATUS;
        }
        return exitStatus(channel.getExitStatus(), channel.getExitSignal(), io.err());
    }

    /** Passes writes through and ignores {@code close()}. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            out.write(data, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** LANG and LC_*, which Debian's ssh sends by default (SendEnv); the node takes what it accepts. */
    private Map<String, String> localeEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.equals("LANG") || name.startsWith("LC_")) {
                env.put(name, value);
            }
        });
        return env;
    }

    private static void resize(PtyCapableChannelSession channel, Terminal tty) {
        int[] size = tty.size();
        if (size != null && channel.isOpen()) {
            try {
                channel.sendWindowChange(size[0], size[1]);
            } catch (IOException e) {
                // the session is ending
            }
        }
    }

    /** Standard input to the channel until it ends (then EOF), through the escape filter when there is one. */
    private void pumpInput(PtyCapableChannelSession channel, Character escape, boolean[] disconnected) {
        EscapeFilter filter = escape == null ? null : new EscapeFilter(escape);
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();
        byte[] buffer = new byte[32 * 1024];
        OutputStream toNode = channel.getInvertedIn();
        InputStream in = io.in();
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (filter == null) {
                    toNode.write(buffer, 0, n);
                } else {
                    filtered.reset();
                    EscapeFilter.Action action = filter.filter(buffer, 0, n, filtered);
                    filtered.writeTo(toNode);
                    if (action == EscapeFilter.Action.DISCONNECT) {
                        disconnected[0] = true;
                        channel.close(true);
                        return;
                    }
                    if (action == EscapeFilter.Action.HELP) {
                        io.err().write(("~?\r\n" + EscapeFilter.HELP).getBytes(StandardCharsets.UTF_8));
                        io.err().flush();
                    }
                }
                toNode.flush();
            }
            toNode.close();
        } catch (IOException e) {
            // the channel closed: the session is over
        }
    }

    /**
     * @param err where to say that a signal ended the command
     * @return the status msh exits with
     */
    static int exitStatus(Integer status, String signal, OutputStream err) throws IOException {
        if (status != null) {
            return status;
        }
        if (signal != null) {
            err.write(("msh: the remote command was killed by signal " + signal + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            err.flush();
            return 128 + signalNumber(signal);
        }
        return NO_STATUS;
    }

    /** Linux's numbers for the signals SSH names (RFC 4254 section 6.10). */
    static int signalNumber(String signal) {
        return switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "ILL" -> 4;
            case "ABRT" -> 6;
            case "FPE" -> 8;
            case "KILL" -> 9;
            case "USR1" -> 10;
            case "SEGV" -> 11;
            case "USR2" -> 12;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            case "TERM" -> 15;
            default -> 127;
        };
    }
}
