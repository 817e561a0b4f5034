package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.SshAction;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

/**
 * Debian's OpenSSH client against the node's direct listener, the way {@code msh config} sets it up: the msh key with
 * its certificate, and the Host CA as {@code @cert-authority} in known_hosts.
 */
class StockOpenSshTest {

    @TempDir
    Path tmp;

    private NodeUnderTest node;
    private int port;
    private Path key;
    private Path knownHosts;

    @BeforeEach
    void start() throws Exception {
        node = new NodeUnderTest(new NodeSshSettings(
                Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Optional.empty()));
        port = node.service.directAddress().orElseThrow().getPort();
        KeyPair alice = TestCa.ed25519();
        key = tmp.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(alice, "alice@laptop", null, out);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(tmp.resolve("id_ed25519-cert.pub"),
                TestCa.line(node.ca.user(alice, "alice", List.of("root"))) + "\n");
        knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "@cert-authority node-01 " + TestCa.line(node.ca.hostCa().getPublic()) + "\n");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void sshRunsACommandAndPassesItsExitStatus() throws Exception {
        Run run = run(ssh("root@127.0.0.1", "echo \"hello from $(hostname)\"; exit 5"));

        assertThat(run.output()).startsWith("hello from ");
        assertThat(run.status()).isEqualTo(5);
    }

    @Test
    void scpCopiesBothWaysWithTheLegacyProtocolAndWithSftp() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 3];
        new Random(7).nextBytes(content);
        Path local = tmp.resolve("local.bin");
        Files.write(local, content);
        Path remote = tmp.resolve("remote-dir");
        Files.createDirectories(remote);

        for (String protocol : List.of("-O", "-s")) {
            Path back = tmp.resolve("back" + protocol + ".bin");
            Run up = run(scp(protocol, local.toString(), "root@127.0.0.1:" + remote + "/up" + protocol + ".bin"));
            assertThat(up.status()).as(up.output()).isZero();
            Run down = run(scp(protocol, "root@127.0.0.1:" + remote + "/up" + protocol + ".bin", back.toString()));
            assertThat(down.status()).as(down.output()).isZero();

            assertThat(Files.readAllBytes(back)).isEqualTo(content);
        }
        assertThat(node.audit.await("scp", e -> e.metadata().contains("\"action\":\"upload\"")).metadata())
                .contains(remote + "/up-O.bin");
        assertThat(node.audit.await("scp", e -> e.metadata().contains("\"action\":\"download\""))).isNotNull();
    }

    @Test
    void scpIsRefusedWithTheReasonWhenTheRolesDoNotAllowFileCopy() throws Exception {
        node.access.actions.remove(SshAction.FILE_COPY);
        Path local = tmp.resolve("local.txt");
        Files.writeString(local, "secret\n");

        for (String protocol : List.of("-O", "-s")) {
            Run up = run(scp(protocol, local.toString(), "root@127.0.0.1:" + tmp.resolve("up" + protocol + ".txt")));

            assertThat(up.status()).as(protocol).isNotZero();
            assertThat(up.output()).as(protocol).contains(
                    "mezd: file copy (scp, sftp) is not allowed on node-01: role \"dev\" does not allow FILE_COPY");
            assertThat(tmp.resolve("up" + protocol + ".txt")).doesNotExist();
        }
        assertThat(node.audit.await("scp").result()).isEqualTo("failure");
        assertThat(node.audit.await("sftp").result()).isEqualTo("failure");
    }

    @Test
    void sshShowsTheLockMessageWhenALockEndsItsTerminalSession() throws Exception {
        List<String> line = new ArrayList<>(List.of("ssh", "-tt", "-p", Integer.toString(port)));
        line.addAll(options());
        line.add("root@127.0.0.1");
        line.add("echo rea\"dy\"; sleep 300");
        Process ssh = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            Screen screen = new Screen(ssh.getInputStream());
            screen.await("^ready\r?$");

            node.policies.publish(new AccessPolicy(2, List.of(), List.of(new Lock("lock-1",
                    new LockTarget(LockTargetKind.USER, "alice"), "security incident", null, "bob",
                    Instant.now())), List.of()));

            assertThat(ssh.waitFor(TestClient.WAIT.toSeconds(), TimeUnit.SECONDS)).as(screen.all()).isTrue();
            assertThat(screen.all()).contains("\r\nmezd: locked (user=alice): security incident\r\n");
            assertThat(ssh.exitValue()).isNotZero();
        } finally {
            ssh.destroyForcibly();
        }
    }

    @Test
    void sshRefusesAHostWhoseCertificateIsNotFromTheTrustedCa() throws Exception {
        Files.writeString(knownHosts, "@cert-authority node-01 " + TestCa.line(TestCa.ed25519().getPublic()) + "\n");

        Run run = run(ssh("root@127.0.0.1", "true"));

        assertThat(run.status()).isEqualTo(255);
        assertThat(run.output()).contains("Host key verification failed");
    }

    private List<String> options() {
        return List.of("-F", "/dev/null", "-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o",
                "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null", "-o",
                "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "HostKeyAlias=node-01", "-o",
                "LogLevel=ERROR");
    }

    private List<String> ssh(String destination, String command) {
        List<String> line = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port)));
        line.addAll(options());
        line.add(destination);
        line.add(command);
        return line;
    }

    private List<String> scp(String protocol, String from, String to) {
        List<String> line = new ArrayList<>(List.of("scp", protocol, "-P", Integer.toString(port)));
        line.addAll(options());
        line.add(from);
        line.add(to);
        return line;
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TestClient.WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
