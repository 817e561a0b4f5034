package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real terminal for an interactive msh: a tmux server of its own (its own socket), one session whose screen the
 * test reads and whose keyboard it types on, the way a user sits at a terminal.
 */
final class Tmux implements AutoCloseable {

    private static final String SESSION = "main";

    private final Path dir;
    private final String socket;
    private final int width;
    private final int height;

    Tmux(Path dir, String socket, int width, int height) {
        this.dir = dir;
        this.socket = socket;
        this.width = width;
        this.height = height;
    }

    /** Runs {@code msh ARGS} in the terminal; when it ends, the screen shows {@code MSH-EXIT=status}. */
    void start(Msh user, String mshArgs) throws Exception {
        Map<String, String> environment = new HashMap<>();
        user.environment(environment);
        StringBuilder command = new StringBuilder("env");
        environment.forEach((key, value) -> command.append(' ').append(key).append("='").append(value).append('\''));
        command.append(" TERM=xterm-256color ").append(Msh.MSH.toAbsolutePath()).append(' ').append(mshArgs)
                .append("; echo MSH-EXIT=$?; sleep 600");
        tmux("new-session", "-d", "-s", SESSION, "-x", String.valueOf(width), "-y", String.valueOf(height),
                command.toString());
    }

    /** Runs a shell command line in the terminal; when it ends, the screen shows {@code EXIT=status}. */
    void run(String commandLine) throws Exception {
        tmux("new-session", "-d", "-s", SESSION, "-x", String.valueOf(width), "-y", String.valueOf(height),
                commandLine + "; echo EXIT=$?; sleep 600");
    }

    /** Types a line and Enter. */
    void type(String line) throws Exception {
        tmux("send-keys", "-t", SESSION, "-l", line);
        tmux("send-keys", "-t", SESSION, "Enter");
    }

    /** Presses keys by tmux's names, e.g. {@code C-c}. */
    void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Resizes the terminal, as a user dragging the window would. */
    void resize(int columns, int rows) throws Exception {
        tmux("resize-window", "-t", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", SESSION, "-S", "-200");
    }

    /** Waits (a minute at most) until the screen matches. */
    String awaitScreen(Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (pattern.matcher(screen).find()) {
                return screen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the terminal never showed /" + pattern + "/; it shows:\n" + screen);
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + ": " + output).isZero();
        return output;
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(30, TimeUnit.SECONDS);
    }
}
