package org.mezite.ca.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stock OpenSSH sshd in the foreground ({@code -D -e}) on a free 127.0.0.1 port with its own configuration: no
 * PAM, no authorized_keys, only certificates from the trusted user CA. Closing stops the process it started.
 */
final class SshdServer implements AutoCloseable {

    /** Guard against a hung start, not a timing assertion. */
    private static final long GUARD_SECONDS = 60;

    private final Process process;
    private final int port;
    private final StringBuffer log = new StringBuffer();

    private SshdServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param hostKey         the host's private key file
     * @param hostCertificate its certificate file, or null to present the plain key
     * @param trustedUserCa   file with the user CA public key ({@code TrustedUserCAKeys})
     */
    static SshdServer start(Path dir, Path hostKey, Path hostCertificate, Path trustedUserCa) throws Exception {
        if (!Files.isExecutable(OpenSsh.SSHD)) {
            throw new IllegalStateException(OpenSsh.SSHD + " is missing: install Debian's openssh-server"
                    + " (apt-get install -y openssh-server) to run the OpenSSH interoperability tests");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory sshd insists on as root
        }
        Files.setPosixFilePermissions(hostKey, PosixFilePermissions.fromString("rw-------"));
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            int port = freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n", List.of(
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + hostKey,
                    hostCertificate != null ? "HostCertificate " + hostCertificate : "",
                    "TrustedUserCAKeys " + trustedUserCa,
                    "AuthorizedKeysFile none",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    "PermitRootLogin prohibit-password",
                    "StrictModes no",
                    "PidFile none",
                    "LogLevel VERBOSE")) + "\n");
            Process process = new ProcessBuilder(OpenSsh.SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            SshdServer server = new SshdServer(process, port);
            if (server.awaitListening()) {
                return server;
            }
            server.close();
            failure = new IllegalStateException("sshd did not start on port " + port + ":\n" + server.log());
        }
        throw failure;
    }

    /** Reads sshd's log until it says it listens (true) or exits (false); keeps reading in the background. */
    private boolean awaitListening() throws Exception {
        CompletableFuture<Boolean> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.append(line).append('\n');
                    if (line.contains("Server listening on 127.0.0.1 port " + port)) {
                        listening.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process is gone; the log says why
            }
            listening.complete(false);
        }, "sshd-log-" + port);
        reader.setDaemon(true);
        reader.start();
        return listening.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    /** What sshd logged so far. */
    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
