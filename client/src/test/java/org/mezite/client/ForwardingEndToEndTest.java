package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** msh ssh -L, -R, -D and -A end to end through the stand-in proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardingEndToEndTest {

    private Path tmp;
    private TestCluster cluster;
    private ServerSocket echo;
    private Path home;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = new TestCluster(dir);
        echo = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serveEcho, "test-echo");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    void stop() throws Exception {
        echo.close();
        cluster.close();
    }

    @BeforeEach
    void login() throws Exception {
        home = cluster.login(tmp);
    }

    @Test
    void localForwardReachesALoopbackPortSeenFromTheNode() throws Exception {
        int local = freePort();

        String answer = whileRunning(Map.of(), () -> talk(connectWhenListening(local), "through -L"),
                "ssh", "-L", local + ":127.0.0.1:" + echo.getLocalPort(), "node-01", "cat");

        assertThat(answer).isEqualTo("echo: through -L");
    }

    @Test
    void remoteForwardBringsTheNodesPortBackHere() throws Exception {
        int remote = freePort();

        String answer = whileRunning(Map.of(), () -> talkOnceForwarded(remote, "through -R"),
                "ssh", "-R", remote + ":127.0.0.1:" + echo.getLocalPort(), "node-01", "cat");

        assertThat(answer).isEqualTo("echo: through -R");
    }

    @Test
    void dynamicForwardIsASocksProxyOutOfTheNode() throws Exception {
        int socks = freePort();

        String answer = whileRunning(Map.of(), () -> {
            connectWhenListening(socks).close();
            Socket socket = new Socket(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", socks)));
            socket.connect(new InetSocketAddress("127.0.0.1", echo.getLocalPort()));
            return talk(socket, "through -D");
        }, "ssh", "-D", String.valueOf(socks), "node-01", "cat");

        assertThat(answer).isEqualTo("echo: through -D");
    }

    @Test
    void withoutAnAgentSocketAForwardsMshsOwnKeyAndCertificate() {
        MshRun.Result forwarded = TestCluster.msh(home, "ssh", "-A", "node-01", AgentKeysCommand.NAME);
        MshRun.Result notForwarded = TestCluster.msh(home, "ssh", "node-01", AgentKeysCommand.NAME);

        assertThat(forwarded.exitCode()).as(forwarded.err()).isZero();
        assertThat(forwarded.out()).isEqualTo("ssh-ed25519-cert-v01@openssh.com alice@test-cluster ssh-ed25519\n"
                + "ssh-ed25519 alice@test-cluster ssh-ed25519\n");
        assertThat(notForwarded.exitCode()).isEqualTo(2);
        assertThat(notForwarded.err()).isEqualTo("no agent forwarded\n");
    }

    @Test
    void withAnAgentSocketAForwardsThatAgent() throws Exception {
        Path socket = tmp.resolve("agent.sock");
        Files.deleteIfExists(socket);
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path key = tmp.resolve("agent-key");
            Files.deleteIfExists(key);
            run(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "from-ssh-agent", "-f", key.toString());
            for (int i = 0; i < 500 && !Files.exists(socket); i++) {
                Thread.sleep(10);
            }
            run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", "-q", key.toString());

            MshRun.Result result = MshRun.run(home, new byte[0], java.time.Clock.systemUTC(),
                    Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh", "-A", "node-01", AgentKeysCommand.NAME);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo("ssh-ed25519 from-ssh-agent ssh-ed25519\n");
        } finally {
            agent.destroy();
        }
    }

    /** Runs msh (its command reads standard input until the test is done), does the check, then ends msh. */
    private <T> T whileRunning(Map<String, String> env, Check<T> check, String... args) throws Exception {
        PipedOutputStream keepOpen = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keepOpen);
        CompletableFuture<MshRun.Result> msh = CompletableFuture.supplyAsync(() -> MshRun.run(home, stdin, env,
                args));
        T value;
        try {
            value = check.run();
        } finally {
            keepOpen.close();
        }
        MshRun.Result result = msh.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return value;
    }

    private interface Check<T> {
        T run() throws Exception;
    }

    /** Connects once something listens there (msh sets forwards up after it connects). */
    private static Socket connectWhenListening(int port) throws Exception {
        for (int attempt = 0; attempt < 3000; attempt++) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException e) {
                Thread.sleep(10);
            }
        }
        return fail("nothing listens on port " + port);
    }

    /**
     * For -R: the node listens as soon as it accepted the request, msh knows where to send connections once it read
     * the answer; a connection in between is closed, so try again.
     */
    private static String talkOnceForwarded(int port, String line) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String answer = talk(connectWhenListening(port), line);
            if (answer != null) {
                return answer;
            }
            Thread.sleep(20);
        }
        return fail("port " + port + " never forwarded");
    }

    private static String talk(Socket socket, String line) throws IOException {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }

    private void serveEcho() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread connection = new Thread(() -> {
                    try (socket) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.UTF_8));
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            socket.getOutputStream().write(("echo: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        // the client went away
                    }
                }, "test-echo-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
