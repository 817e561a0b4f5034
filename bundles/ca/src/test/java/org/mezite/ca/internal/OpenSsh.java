package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the stock OpenSSH tools (Debian's openssh-client and openssh-server) for tests. */
final class OpenSsh {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** Not a timing assertion: only a guard so that a hung tool fails the test instead of the build. */
    private static final long GUARD_SECONDS = 120;

    private OpenSsh() {
    }

    /** The outcome of a command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(Path workDir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        return run(workDir, Map.of(), List.of(command));
    }

    /** A new Ed25519 key pair made by ssh-keygen; returns the private key file ({@code name.pub} beside it). */
    static Path newKey(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Result result = run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        assertThat(result.exitCode()).as("ssh-keygen: %s", result.stderr()).isZero();
        return key;
    }

    static String publicKey(Path privateKey) throws IOException {
        return Files.readString(Path.of(privateKey + ".pub")).strip();
    }

    /** Writes a certificate beside its key, where ssh looks for it ({@code KEY-cert.pub}). */
    static Path writeCertificate(Path privateKey, String certificate) throws IOException {
        Path file = Path.of(privateKey + "-cert.pub");
        Files.writeString(file, certificate + "\n");
        return file;
    }

    /** {@code ssh-keygen -L -f FILE} in UTC. */
    static String describe(Path dir, Path certificate) throws IOException, InterruptedException {
        Result result = run(dir, Map.of("TZ", "UTC"), List.of("ssh-keygen", "-L", "-f", certificate.toString()));
        assertThat(result.exitCode()).as("ssh-keygen -L: %s", result.stderr()).isZero();
        return result.stdout();
    }

    /**
     * Runs {@code echo mezite-ok} on the server with a stock ssh client that uses only the files given: no agent, no
     * user configuration, host keys checked strictly against {@code knownHosts}.
     */
    static Result ssh(Path dir, int port, String login, Path identity, Path knownHosts)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", String.valueOf(port),
                "-i", identity.toString(), "-o", "CertificateFile=" + identity + "-cert.pub",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "PasswordAuthentication=no",
                "-o", "KbdInteractiveAuthentication=no", "-o", "ConnectTimeout=30", "-o", "LogLevel=ERROR",
                login + "@127.0.0.1", "echo", "mezite-ok"));
        return run(dir, Map.of(), command);
    }
}
