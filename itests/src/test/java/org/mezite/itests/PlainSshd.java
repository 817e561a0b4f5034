package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's sshd on a loopback port with a host key and no host certificate: a host that is not a Mezite node. */
final class PlainSshd implements AutoCloseable {

    private final Process process;
    private final int port;

    private PlainSshd(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PlainSshd start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd"));
        Path key = dir.resolve("host_key");
        Commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        int port = Mezhub.freePort();
        Path config = dir.resolve("sshd_config");
        Files.write(config, List.of("Port " + port, "ListenAddress 127.0.0.1", "HostKey " + key,
                "PidFile " + dir.resolve("sshd.pid"), "UsePAM no", "PasswordAuthentication no",
                "AuthorizedKeysFile none"));
        Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new PlainSshd(process, port);
            } catch (IOException e) {
                assertThat(process.isAlive()).as("sshd runs: " + Files.readString(dir.resolve("sshd.log")))
                        .isTrue();
                assertThat(System.nanoTime()).as("sshd listens within 30 s").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
