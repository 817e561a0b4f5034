package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect path end to end, as a user meets it: a real mezhub, a real mezd joined with a token (its SSH server
 * reached only through the reverse tunnel), a user who signed up and logged in with msh, and a Unix login that is not
 * root. msh ssh (exec, an interactive PTY driven through tmux), msh scp, a -L forward, refusals, stock OpenSSH through
 * {@code msh config}, an offline node, and the agent coming back after the hub restarts.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConnectIT {

    /** A Unix user the test creates: sessions must run as it, not as the agent's root. */
    private static final String LOGIN = "mezite-it";
    private static final String CLUSTER = Agents.CLUSTER;

    @TempDir
    static Path dir;

    static Mezhub hub;
    static Msh alice;
    static Agents agents;

    @BeforeAll
    static void aHubAnAgentAndAUser() throws Exception {
        Commands.ensureUnixUser(LOGIN);
        hub = Mezhub.install(dir.resolve("hub"));
        hub.startAndAwaitHealthy();
        alice = new Msh(dir, dir.resolve("alice-msh"));
        alice.signUpAndLogIn(hub, "alice", "--roles access --logins " + LOGIN + ",root");
        agents = new Agents(hub, dir);
        agents.start("node-01", "env=dev");
        agents.awaitOnline(alice, "node-01", true);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (hub != null) {
            hub.close();
        }
        Commands.removeUnixUser(LOGIN);
    }

    @Test
    @Order(1)
    void lsListsTheNodeOnlineWithItsLabels() throws Exception {
        Msh.Run text = alice.run("ls");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("node-01").contains("env=dev");

        Msh.Run json = alice.run("ls", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).containsPattern(Agents.online("node-01", true));

        assertThat(hub.client("mezite:node-list").output().lines().filter(line -> line.contains("node-01")))
                .singleElement().asString().contains("online").contains("up");

        Msh.Run filtered = alice.run("ls", "env=prod");
        assertThat(filtered.exitCode()).as(filtered.err()).isZero();
        assertThat(filtered.out()).doesNotContain("node-01");
    }

    @Test
    @Order(2)
    void aCommandRunsAsTheUnixLoginAndItsExitStatusComesBack() throws Exception {
        Msh.Run run = alice.run("ssh", LOGIN + "@node-01", "id -un; echo \"$HOME\"; tty || true; exit 7");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(run.out()).startsWith(LOGIN + "\n/home/" + LOGIN + "\nnot a tty\n");

        Msh.Run seedForm = alice.run("ssh", "--login=" + LOGIN, "node-01", "id -u");
        assertThat(seedForm.exitCode()).as(seedForm.err()).isZero();
        assertThat(seedForm.out().strip()).isEqualTo(Commands.run(List.of("id", "-u", LOGIN)).strip()).isNotEqualTo("0");
    }

    @Test
    @Order(3)
    void anInteractiveSessionHasAPtyFollowsResizesAndTakesCtrlC() throws Exception {
        try (Tmux tmux = new Tmux(dir, "connect-it", 100, 30)) {
            tmux.start(alice, "ssh " + LOGIN + "@node-01");
            tmux.awaitScreen(Pattern.compile("[$#] ?$", Pattern.MULTILINE)); // tmux drops trailing blanks

            tmux.type("tty");
            tmux.awaitScreen(Pattern.compile("^/dev/pts/[0-9]+", Pattern.MULTILINE));

            tmux.resize(120, 40);
            tmux.type("stty size");
            tmux.awaitScreen(Pattern.compile("^40 120$", Pattern.MULTILINE));

            tmux.type("sleep 300");
            tmux.keys("C-c");
            tmux.type("echo after-$((6*7))");
            tmux.awaitScreen(Pattern.compile("^after-42$", Pattern.MULTILINE));

            tmux.type("exit 3");
            tmux.awaitScreen(Pattern.compile("^MSH-EXIT=3$", Pattern.MULTILINE));
        }
    }

    @Test
    @Order(4)
    void scpCopiesMegabytesBothWaysAsTheLogin() throws Exception {
        Path local = dir.resolve("upload.bin");
        byte[] data = new byte[6 * 1024 * 1024 + 123];
        new Random(42).nextBytes(data);
        Files.write(local, data);
        Path remote = Path.of("/home/" + LOGIN + "/upload.bin");
        Files.deleteIfExists(remote);

        Msh.Run up = alice.run("scp", local.toString(), LOGIN + "@node-01:upload.bin");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(Commands.sha256(remote)).isEqualTo(Commands.sha256(local));
        assertThat(Files.getOwner(remote).getName()).as("written by the login, not by the agent").isEqualTo(LOGIN);

        Path back = dir.resolve("download.bin");
        Msh.Run down = alice.run("scp", LOGIN + "@node-01:" + remote, back.toString());
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(Commands.sha256(back)).isEqualTo(Commands.sha256(local));
    }

    @Test
    @Order(5)
    void aLocalForwardReachesALoopbackPortOnTheNode() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = echo.accept()) {
                    socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (IOException e) {
                    // the test reports what it did not get
                }
            });
            server.setDaemon(true);
            server.start();
            int local = Mezhub.freePort();
            Process forward = alice.start(List.of("ssh", "-N", "-L", local + ":127.0.0.1:" + echo.getLocalPort(),
                    LOGIN + "@node-01"));
            try (Socket socket = connectWithin(local, forward)) {
                byte[] ping = "ping through the tunnel\n".getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(ping);
                out.flush();
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
                assertThat(new String(socket.getInputStream().readNBytes(ping.length), StandardCharsets.UTF_8))
                        .isEqualTo("ping through the tunnel\n");
            } finally {
                forward.destroy();
                forward.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(6)
    void aLoginTheUserMayNotUseIsRefusedWithAReason() throws Exception {
        Msh.Run run = alice.run("ssh", "daemon@node-01", "true");
        assertThat(run.exitCode()).as("msh's own failure, like ssh").isEqualTo(255);
        assertThat(run.err()).contains("access to node \"node-01\" denied: ").contains("login \"daemon\"")
                .contains("alice");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Order(7)
    void stockOpenSshWorksThroughMshConfig() throws Exception {
        Path config = sshConfig();
        String host = LOGIN + "@node-01." + CLUSTER;

        assertThat(Commands.run(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes", host, "id -un")).strip())
                .isEqualTo(LOGIN);

        Path file = dir.resolve("stock.bin");
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(file, data);
        Commands.run(List.of("scp", "-F", config.toString(), "-o", "BatchMode=yes", file.toString(), host + ":stock.bin"));
        assertThat(Commands.sha256(Path.of("/home/" + LOGIN + "/stock.bin"))).isEqualTo(Commands.sha256(file));

        Path batch = dir.resolve("sftp.batch");
        Path fetched = dir.resolve("fetched.bin");
        Files.writeString(batch, "get stock.bin " + fetched + "\nls -l\n");
        String listing = Commands.run(List.of("sftp", "-F", config.toString(), "-o", "BatchMode=yes", "-b", batch.toString(),
                host));
        assertThat(listing).contains("stock.bin");
        assertThat(Commands.sha256(fetched)).isEqualTo(Commands.sha256(file));
    }

    @Test
    @Order(8)
    void stockSshRefusesAHostWithoutAValidHostCertificate() throws Exception {
        Path config = sshConfig();
        try (PlainSshd impostor = PlainSshd.start(dir.resolve("impostor"))) {
            List<String> command = List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "-o",
                    "ProxyJump=none", "-o", "HostName=127.0.0.1", "-p", String.valueOf(impostor.port()),
                    LOGIN + "@node-01." + CLUSTER, "true");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(255);
            assertThat(output).contains("Host key verification failed");
        }
    }

    @Test
    @Order(9)
    void anOfflineNodeIsShownAndRefusedAsOffline() throws Exception {
        MezdProcess second = agents.start("node-02", "env=staging");
        agents.awaitOnline(alice, "node-02", true);
        assertThat(second.stop()).isZero();
        agents.awaitOnline(alice, "node-02", false);

        Msh.Run run = alice.run("ssh", LOGIN + "@node-02", "true");
        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).contains("node \"node-02\" is offline");
    }

    @Test
    @Order(10)
    void theAgentComesBackAfterTheHubRestartsAndNewSessionsWork() throws Exception {
        assertThat(hub.stop()).isZero();
        hub.startAndAwaitHealthy();
        agents.awaitOnline(alice, "node-01", true);

        Msh.Run run = alice.run("ssh", LOGIN + "@node-01", "echo back");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("back\n");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Path sshConfig() throws Exception {
        Msh.Run config = alice.run("config");
        assertThat(config.exitCode()).as(config.err()).isZero();
        Path file = dir.resolve("ssh_config");
        Files.writeString(file, config.out());
        return file;
    }

    private static Socket connectWithin(int port, Process forward) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                if (!forward.isAlive()) {
                    throw new AssertionError("msh ssh -L exited with " + forward.exitValue() + ": "
                            + alice.errors(forward));
                }
                assertThat(System.nanoTime()).as("the forward listens within a minute").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }
}
