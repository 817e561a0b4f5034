package org.mezite.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pty4j.WinSize;
import com.pty4j.unix.Pty;
import com.pty4j.unix.UnixPtyProcess;

/**
 * A session process on a pseudo-terminal (pty4j). The terminal is opened first so that its device can be given to
 * the login (as sshd does: owner the login, mode 0620) and named in {@code SSH_TTY}, sized and set to the client's
 * modes, and only then is the process started on it, as the leader of a new session with the terminal as its
 * controlling terminal. When the process ends, pty4j wakes the reader, which then delivers what is left in the
 * terminal and stops even if a background child still holds the terminal open; closing the master hangs that child
 * up.
 */
final class PtySessionProcess implements SessionProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PtySessionProcess.class);
    private static final int CHUNK = 32 * 1024;

    private final Pty terminal;
    private final Executor executor;
    private volatile UnixPtyProcess process;
    private volatile TerminalRecording recording = TerminalRecording.NONE;

    private PtySessionProcess(Pty terminal, Executor executor) {
        this.terminal = terminal;
        this.executor = executor;
    }

    /**
     * Opens a terminal for the login, sized and set up as the client asked.
     *
     * @throws IOException when no terminal can be had
     */
    static PtySessionProcess open(PtyRequest request, UnixAccount account, Executor executor) throws IOException {
        Pty terminal = new Pty();
        try {
            Path device = Path.of(terminal.getSlaveName());
            Files.setAttribute(device, "unix:uid", account.uid());
            Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("rw--w----"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot give {} to {}: {}", terminal.getSlaveName(), account.name(), e.toString());
        }
        TerminalModes.apply(terminal.getMasterFD(), request.modes());
        terminal.setWindowSize(new WinSize(Math.max(1, request.columns()), Math.max(1, request.rows())), null);
        return new PtySessionProcess(terminal, executor);
    }

    /** The terminal's device, e.g. {@code /dev/pts/3}. */
    String tty() {
        return terminal.getSlaveName();
    }

    @SuppressWarnings("deprecation") // the one constructor that takes a terminal opened beforehand
    void start(List<String> command, Map<String, String> environment, String directory) throws IOException {
        String[] env = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        process = new UnixPtyProcess(command.toArray(String[]::new), env, directory, terminal, null, false);
    }

    /** Feeds what the terminal shows, its resizes and its end to the recording, from now on. */
    void record(TerminalRecording feed) {
        recording = feed;
    }

    @Override
    public int pump(InputStream input, OutputStream output, OutputStream error, Traffic traffic)
            throws InterruptedException {
        UnixPtyProcess running = process;
        OutputStream toTerminal = running.getOutputStream();
        executor.execute(() -> copyInput(input, toTerminal, traffic));
        InputStream fromTerminal = running.getInputStream();
        byte[] buffer = new byte[CHUNK];
        TerminalRecording recorded = recording;
        try {
            for (int n; (n = fromTerminal.read(buffer, 0, buffer.length)) > 0;) {
                // recorded before it is shown: a write to the spool file, never the network
                recorded.output(buffer, 0, n);
                output.write(buffer, 0, n);
                output.flush();
                traffic.sent(n);
            }
        } catch (IOException e) {
            LOG.debug("terminal output of {} ends: {}", tty(), e.toString());
        }
        recorded.end();
        int status = running.waitFor();
        close();
        return status;
    }

    private void copyInput(InputStream input, OutputStream toTerminal, Traffic traffic) {
        byte[] buffer = new byte[CHUNK];
        try {
            for (int n; (n = input.read(buffer)) >= 0;) {
                if (n > 0) {
                    traffic.received(n);
                    // pty4j's stream copies from offset 0 whatever the offset, so always hand it a fresh array
                    byte[] chunk = new byte[n];
                    System.arraycopy(buffer, 0, chunk, 0, n);
                    toTerminal.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            LOG.debug("terminal input of {} ends: {}", tty(), e.toString());
        }
    }

    @Override
    public void signal(int number) {
        UnixPtyProcess running = process;
        if (running != null) {
            ProcessSignals.toGroup(running.pid(), number);
        }
    }

    @Override
    public void resize(int columns, int rows, int width, int height) {
        if (terminal.isClosed()) {
            return;
        }
        try {
            terminal.setWindowSize(new WinSize(Math.max(1, columns), Math.max(1, rows)), process);
            recording.resize(Math.max(1, columns), Math.max(1, rows));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot resize {}: {}", tty(), e.toString());
        }
    }

    @Override
    public void hangup() {
        signal(Signals.HUP);
        close();
    }

    private void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            LOG.debug("cannot close {}: {}", terminal.getSlaveName(), e.toString());
        }
    }
}
