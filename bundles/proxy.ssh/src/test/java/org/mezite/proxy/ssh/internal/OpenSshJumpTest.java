package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.CaType;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

/**
 * Stock OpenSSH through the proxy, configured as {@code msh config} does: {@code ssh -J} with the user's key and
 * certificate, and a {@code @cert-authority} known_hosts line for the host CA that vouches for the proxy and the node.
 */
class OpenSshJumpTest {

    private static final Path SSH = Path.of("/usr/bin/ssh");
    /** A guard against a hung client, not a timing assertion. */
    private static final long GUARD_SECONDS = 60;

    private static RunningProxy proxy;
    private static Path dir;
    private static Path knownHosts;
    private static Path config;

    @BeforeAll
    static void start() throws Exception {
        proxy = new RunningProxy(TestHub.tempDir(), Map.of(), RunningProxy.NODE_01);
        dir = TestHub.tempDir();
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, TestHub.cas().authority(CaType.HOST).certAuthorityLine(
                "*." + TestHub.CLUSTER + "," + TestHub.CLUSTER + ",node-01,[127.0.0.1]:" + proxy.port()) + "\n");
        config = config("alice", TestHub.alice());
    }

    /** What {@code msh config} writes: the proxy as a host to jump through, the user's key and certificate. */
    private static Path config(String name, TestHub.UserIdentity user) throws Exception {
        Path key = dir.resolve(name);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user.plain(), name, null, encoded);
        Files.write(key, encoded.toByteArray());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(Path.of(key + "-cert.pub"), user.certificate().authorizedKey() + "\n");
        Path file = dir.resolve(name + ".ssh_config");
        Files.writeString(file, String.join("\n",
                "Host mezite-proxy",
                "  HostName 127.0.0.1",
                "  Port " + proxy.port(),
                "  User " + name,
                "Host *",
                "  IdentityFile " + key,
                "  CertificateFile " + key + "-cert.pub",
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  BatchMode yes",
                "  StrictHostKeyChecking yes",
                "  UserKnownHostsFile " + knownHosts,
                "  GlobalKnownHostsFile /dev/null",
                "  PasswordAuthentication no",
                "  KbdInteractiveAuthentication no",
                "  ConnectTimeout 30") + "\n");
        return file;
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void sshJumpsThroughTheProxyToTheNodeByName() throws Exception {
        Result result = ssh("-J", "mezite-proxy", "ubuntu@node-01", "hello");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("hello from node-01 as ubuntu\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void sshJumpsToTheNodeByItsClusterName() throws Exception {
        Result result = ssh("-J", "mezite-proxy", "alice@node-01." + TestHub.CLUSTER, "hello");
        assertThat(result.stdout()).isEqualTo("hello from node-01 as alice\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void sshShowsWhyAnUnknownNodeIsRefused() throws Exception {
        Result result = ssh("-J", "mezite-proxy", "alice@nosuch." + TestHub.CLUSTER, "hello");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("open failed: connect failed: no node \"nosuch."
                + TestHub.CLUSTER + "\" in cluster \"" + TestHub.CLUSTER + "\"");
    }

    @Test
    void sshShowsWhyADeniedNodeIsRefused() throws Exception {
        Result result = ssh("-J", "mezite-proxy", "alice@secret-01", "hello");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("open failed: administratively prohibited: access to node"
                + " \"secret-01\" denied");
    }

    @Test
    void sshToTheProxyItselfIsToldItIsAJumpHost() throws Exception {
        Result result = ssh("mezite-proxy", "uptime");
        assertThat(result.stderr()).contains("mezite proxy: this is a jump host; use msh ssh NODE or ssh -J");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void sshShowsWhyAnExpiredCertificateIsRefused() throws Exception {
        TestHub.UserIdentity bob = TestHub.user(TestHub.cas(), "bob", List.of("bob"), Duration.ofSeconds(1));
        while (!Instant.now().isAfter(bob.certificate().validBefore())) {
            Thread.sleep(100); // until it has expired: a condition, not a timing assertion
        }
        Result result = sshWith(config("bob", bob), "-J", "mezite-proxy", "bob@node-01", "hello");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("mezite proxy: certificate \"bob\"")
                .contains("expired at " + bob.certificate().validBefore() + "; msh login renews it");
    }

    @Test
    void sshIsDisconnectedWithTheLockMessageWhenItsUserIsLocked() throws Exception {
        TestHub.UserIdentity erin = TestHub.user(TestHub.cas(), "erin", List.of("erin"), Duration.ofHours(1));
        List<String> command = List.of(SSH.toString(), "-F", config("erin", erin).toString(), "-J", "mezite-proxy",
                "erin@node-01", "cat");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try (var stdin = process.getOutputStream()) { // open: cat runs until the lock ends it
            awaitConnected("erin");

            proxy.policies.lock(new Lock("l-erin", new LockTarget(LockTargetKind.USER, "erin"), "incident 42", null,
                    "admin", Instant.now()));

            if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end");
            }
        } finally {
            proxy.policies.lock();
        }
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(err, StandardCharsets.UTF_8))
                .contains("mezite proxy: locked (user=erin): incident 42");
    }

    private static void awaitConnected(String user) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (proxy.audit.events("proxy.connect").stream().noneMatch(event -> user.equals(event.username()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + " never reached the node");
            }
            Thread.sleep(20);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result ssh(String... arguments) throws IOException, InterruptedException {
        return sshWith(config, arguments);
    }

    private static Result sshWith(Path configFile, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SSH.toString(), "-F", configFile.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
