package org.mezite.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real mezhub: a private copy of the built archive, configured with free loopback ports, run with {@code bin/mezhub}
 * and administered with {@code bin/client}, exactly as an operator would.
 */
final class Mezhub implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final Path home;
    final int authPort;
    final int consolePort;
    final int webPort;
    final int sshPort;
    final int tunnelPort;
    private final Path log;
    private Process process;

    private Mezhub(Path home) throws IOException {
        this.home = home;
        this.authPort = freePort();
        this.consolePort = freePort();
        this.webPort = freePort();
        this.sshPort = freePort();
        this.tunnelPort = freePort();
        this.log = home.resolve("mezhub.out");
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + consolePort);
    }

    /** Copies the unpacked archive into {@code dir} (each test gets a fresh hub, as after an install). */
    static Mezhub install(Path dir) throws IOException {
        Path source = Path.of(System.getProperty("mezhub.home", "target/archives/mezhub-0.1.0-SNAPSHOT"));
        if (!Files.isExecutable(source.resolve("bin/mezhub"))) {
            throw new IllegalStateException("no built mezhub at " + source.toAbsolutePath()
                    + "; run the itests through Maven (mvn verify), which unpacks the archive");
        }
        copyTree(source, dir);
        Mezhub hub = new Mezhub(dir);
        hub.configure(Map.of("auth.listen", "127.0.0.1:" + hub.authPort,
                "proxy.web.listen", "127.0.0.1:" + hub.webPort,
                "proxy.ssh.listen", "127.0.0.1:" + hub.sshPort,
                "proxy.tunnel.listen", "127.0.0.1:" + hub.tunnelPort));
        return hub;
    }

    /** Writes these keys into etc/org.mezite.hub.cfg, replacing earlier values of the same keys. */
    void configure(Map<String, String> settings) throws IOException {
        configureFile("org.mezite.hub.cfg", settings);
    }

    /**
     * Writes these keys into {@code etc/NAME} (e.g. {@code org.mezite.recording.cfg}, a component's configuration),
     * creating the file, or replacing earlier values of the same keys; Karaf reads it at start and when it changes.
     */
    void configureFile(String name, Map<String, String> settings) throws IOException {
        Path cfg = home.resolve("etc").resolve(name);
        Map<String, String> all = new LinkedHashMap<>(settings);
        List<String> kept = new ArrayList<>();
        if (Files.exists(cfg)) {
            for (String line : Files.readAllLines(cfg)) {
                String key = line.contains("=") ? line.substring(0, line.indexOf('=')).trim() : "";
                if (!all.containsKey(key)) {
                    kept.add(line);
                }
            }
        }
        all.forEach((k, v) -> kept.add(k + " = " + v));
        Files.write(cfg, kept);
    }

    /** The hub's data directory (data_dir is left at its default in these tests): SQLite database, staging, ... */
    Path dataDir() {
        return home.resolve("data");
    }

    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/mezhub").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = pb.start();
    }

    /** Starts and waits until {@code mezite:status} reports the hub healthy. */
    String startAndAwaitHealthy() throws Exception {
        Instant begin = Instant.now();
        start();
        String last = "";
        while (Duration.between(begin, Instant.now()).compareTo(READY_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("mezhub exited with " + process.exitValue() + ":\n" + output());
            }
            if (Files.exists(home.resolve("etc/admin.key"))) {
                ClientResult r = client("mezite:status");
                last = r.output();
                if (r.exitCode() == 0 && last.contains("Status:    healthy")) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("mezhub not healthy after " + READY_TIMEOUT + "; last status:\n" + last
                + "\nlog:\n" + output());
    }

    /** Runs one console command through bin/client, as an admin would from a script. */
    ClientResult client(String command) throws IOException, InterruptedException {
        return client(command, null);
    }

    /** Runs one console command through bin/client as the console account {@code user} (etc/users.properties). */
    ClientResult clientAs(String user, String password, String command) throws IOException, InterruptedException {
        return client(List.of("-u", user, "-p", password, command), null);
    }

    /** Runs one console command through bin/client with {@code input} on its standard input (a pipe). */
    ClientResult client(String command, String input) throws IOException, InterruptedException {
        return client(List.of(command), input);
    }

    private ClientResult client(List<String> args, String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-r", "2"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true);
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/client " + args + " did not finish");
        }
        return new ClientResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** SIGTERM, as systemd or Ctrl-C would, and wait for a clean exit. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            children.forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError("mezhub did not stop within 60 s of SIGTERM");
        }
        if (!children.isEmpty() && children.stream().anyMatch(ProcessHandle::isAlive)) {
            children.forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError("bin/mezhub exited but left its JVM running: " + children);
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself (e.g. after a configuration error). */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("mezhub still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    record ClientResult(int exitCode, String output) {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void replaceLine(Path file, String key, String replacement) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(line.trim().startsWith(key) ? replacement : line);
        }
        Files.write(file, lines);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
