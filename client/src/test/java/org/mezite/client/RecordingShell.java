package org.mezite.client;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The test node's login shell: a real shell on a PTY (through script(1)), recording what msh asked of the PTY:
 * {@code TERM COLUMNSxLINES} at the start and after each window change.
 */
final class RecordingShell implements Command {

    private final Command shell;
    private final List<String> terminal;

    RecordingShell(Command shell, List<String> terminal) {
        this.shell = shell;
        this.terminal = terminal;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws java.io.IOException {
        record(env);
        env.addSignalListener((ignored, signal) -> record(env), Signal.WINCH);
        shell.start(channel, env);
    }

    private void record(Environment env) {
        terminal.add(env.getEnv().get(Environment.ENV_TERM) + " " + env.getEnv().get(Environment.ENV_COLUMNS) + "x"
                + env.getEnv().get(Environment.ENV_LINES));
    }

    @Override
    public void destroy(ChannelSession channel) throws Exception {
        shell.destroy(channel);
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        shell.setExitCallback(callback);
    }

    @Override
    public void setInputStream(InputStream in) {
        shell.setInputStream(in);
    }

    @Override
    public void setOutputStream(OutputStream out) {
        shell.setOutputStream(out);
    }

    @Override
    public void setErrorStream(OutputStream err) {
        shell.setErrorStream(err);
    }
}
