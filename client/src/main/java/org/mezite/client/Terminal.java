package org.mezite.client;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The local terminal of an interactive session, driven through {@code stty} on {@code /dev/tty}: raw mode while the
 * session runs (restored on every way out, including a signal that ends msh), its size, and its resizes.
 */
final class Terminal {

    private static final Path TTY = Path.of("/dev/tty");

    private final File tty;
    private String saved;
    private Thread restoreOnExit;

    private Terminal(File tty) {
        this.tty = tty;
    }

    /** The controlling terminal, or {@code null} when msh has none. */
    static Terminal controlling() {
        return Files.isReadable(TTY) && Files.isWritable(TTY) ? new Terminal(TTY.toFile()) : null;
    }

    /** Whether standard input is a terminal (Linux: by where fd 0 points). */
    static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Whether standard output is a terminal (Linux: by where fd 1 points). */
    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** {@code stty -g}: the settings to restore, also the modes to give the node's PTY. */
    String settings() {
        return saved != null ? saved : stty("-g");
    }

    /** @return {@code {columns, rows}}, or {@code null} when unknown */
    int[] size() {
        String size = stty("size");
        if (size == null) {
            return null;
        }
        String[] parts = size.strip().split("\\s+");
        try {
            int rows = Integer.parseInt(parts[0]);
            int columns = Integer.parseInt(parts[1]);
            return rows > 0 && columns > 0 ? new int[] {columns, rows} : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Raw mode, no echo: every key goes to the node as typed. */
    void enterRawMode() {
        saved = stty("-g");
        if (saved == null) {
            return;
        }
        restoreOnExit = new Thread(this::restore, "msh-terminal-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        stty("raw", "-echo");
    }

    /** Back to the settings before {@link #enterRawMode()}. */
    synchronized void restore() {
        if (saved != null) {
            stty(saved);
            saved = null;
        }
        if (restoreOnExit != null && Thread.currentThread() != restoreOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook restores
            }
            restoreOnExit = null;
        }
    }

    /** Calls {@code resized} whenever the terminal's size changes (SIGWINCH). */
    @SuppressWarnings("restriction")
    void onResize(Runnable resized) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> resized.run());
        } catch (IllegalArgumentException e) {
            // no SIGWINCH here: the size stays as it was at the start
        }
    }

    /** @return what stty printed, or {@code null} when it failed */
    private String stty(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "stty";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                return null;
            }
            return process.exitValue() == 0 ? output.strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
