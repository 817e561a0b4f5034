package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interactive msh ssh session in a real terminal (tmux), as a person uses it: bin/msh from the built
 * installation, the node's login shell on a PTY behind the stand-in proxy. Checks the PTY's TERM and size, a resize,
 * Ctrl-C reaching the remote program, the exit status, OpenSSH's ~. escape, and the local terminal restored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractiveSessionIT {

    private static final Path DIST = Path.of(System.getProperty("msh.dist", "target/msh"));

    private Path tmp;
    private TestCluster cluster;
    private Path home;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = new TestCluster(dir);
        home = cluster.login(dir);
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void killTmux() throws Exception {
        tmux(false, "kill-server");
    }

    @Test
    void aTerminalSessionFollowsResizesPassesCtrlCAndExitsWithTheShellsStatus() throws Exception {
        startSession();
        String size = tmux(true, "display-message", "-p", "-t", "msh", "#{pane_width}x#{pane_height}").strip();

        type("tty");
        waitFor(screen -> screen.contains("/dev/pts/"), "the remote shell to print its terminal");
        assertThat(cluster.node1.terminal).first().isEqualTo("xterm-256color " + size);

        tmux(true, "resize-window", "-t", "msh", "-x", "120", "-y", "40");
        String resized = tmux(true, "display-message", "-p", "-t", "msh", "#{pane_width}x#{pane_height}").strip();
        assertThat(resized).isNotEqualTo(size);
        waitFor(screen -> cluster.node1.terminal.contains("xterm-256color " + resized), "the node to hear of "
                + resized);

        type("sleep 1000");
        tmux(true, "send-keys", "-t", "msh", "C-c");
        // the PTY echoes ^C and, on the signal, drops what was typed meanwhile: type on after the echo
        waitFor(screen -> screen.contains("^C"), "the remote terminal to echo ^C");
        type("echo INTERRUPTED-$((40+2))");
        waitFor(screen -> screen.contains("INTERRUPTED-42"), "Ctrl-C to stop sleep, not msh");

        type("exit 7");
        String screen = waitFor(text -> text.contains("LOCAL-"), "msh to exit");
        assertThat(screen).contains("EXIT=7").contains("Connection to node-01 closed.");
        assertThat(screen).contains("LOCAL-icanon").doesNotContain("LOCAL--icanon");
    }

    @Test
    void tildeDotDisconnectsWithStatus255() throws Exception {
        startSession();

        tmux(true, "send-keys", "-t", "msh", "Enter");
        tmux(true, "send-keys", "-t", "msh", "-l", "~.");

        String screen = waitFor(text -> text.contains("LOCAL-"), "msh to disconnect");
        assertThat(screen).contains("Connection to node-01 closed.").contains("EXIT=255").contains("LOCAL-icanon")
                .doesNotContain("LOCAL--icanon");
    }

    /** msh ssh node-01 in a 100x30 terminal; afterwards its status and whether the terminal is cooked again. */
    private void startSession() throws Exception {
        String command = "env HOME=" + tmp + " MSH_HOME=" + home + " JAVA_HOME=" + System.getProperty("java.home")
                + " TERM=xterm-256color " + DIST.resolve("bin/msh") + " ssh node-01; echo EXIT=$?;"
                + " stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon' | sed s/^/LOCAL-/; sleep 600";
        tmux(true, "-f", "/dev/null", "new-session", "-d", "-s", "msh", "-x", "100", "-y", "30", command);
        type("echo READY-$((1+1))");
        waitFor(screen -> screen.contains("READY-2"), "the remote shell");
    }

    private void type(String line) throws Exception {
        tmux(true, "send-keys", "-t", "msh", "-l", line);
        tmux(true, "send-keys", "-t", "msh", "Enter");
    }

    private String waitFor(Predicate<String> done, String what) throws Exception {
        String screen = "";
        for (int attempt = 0; attempt < 1200; attempt++) {
            screen = tmux(true, "capture-pane", "-p", "-J", "-S", "-200", "-t", "msh");
            if (done.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        return fail("waited in vain for " + what + "; the terminal shows:\n" + screen);
    }

    private String tmux(boolean check, String... args) throws Exception {
        // a server of its own, its socket in the test's directory
        List<String> command = new ArrayList<>(List.of("tmux", "-S", tmp.resolve("tmux.sock").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (check) {
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        }
        return output;
    }
}
