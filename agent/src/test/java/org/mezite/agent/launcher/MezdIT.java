package org.mezite.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built mezd installation (target/mezd-VERSION), driven through bin/mezd as an operator would. */
class MezdIT {

    private static final Path DIST = Path.of(System.getProperty("mezd.dist", "target/mezd"));
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    private static final Pattern ALL_ACTIVE = Pattern.compile("mezd: (\\d+)/(\\d+) bundles active, ([0-9.]+) s");

    @TempDir
    Path tmp;

    private Process mezd;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (mezd != null && mezd.isAlive()) {
            mezd.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        Output output = run(List.of("version"));

        assertThat(output.exitCode).isZero();
        assertThat(output.lines).containsExactly("mezd " + VERSION);
    }

    @Test
    void startRunsEveryBundleAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path config = Files.writeString(tmp.resolve("mezd.conf"), String.join("\n",
                "# integration test",
                "node_name = it-node",
                "data_dir = " + dataDir,
                "labels = env=test,team=qa", ""));

        mezd = mezd(List.of("start", "--config", config.toString()));
        OutputReader output = new OutputReader(mezd);

        String active = output.await("mezd: \\d+/\\d+ bundles active");
        Matcher counts = ALL_ACTIVE.matcher(active);
        assertThat(counts.find()).as(active).isTrue();
        assertThat(counts.group(1)).as("active bundles in: " + output.text()).isEqualTo(counts.group(2));
        assertThat(Integer.parseInt(counts.group(2))).isEqualTo(Files.list(DIST.resolve("bundles")).count());
        System.out.println("[MezdIT] all bundles active " + counts.group(3) + " s after JVM start");
        assertThat(output.text()).contains("mezd agent it-node started: version " + VERSION
                + ", hub (none), labels env=test,team=qa, data dir " + dataDir);
        assertThat(dataDir.resolve("framework")).isDirectory();

        // SIGTERM through the handle: Process.destroy() would also close the output we still want to read
        assertThat(mezd.toHandle().destroy()).isTrue();
        assertThat(mezd.waitFor(60, TimeUnit.SECONDS)).as("mezd exits after SIGTERM").isTrue();
        output.join();

        assertThat(mezd.exitValue()).as(output.text()).isZero();
        assertThat(output.lines()).contains("mezd: SIGTERM received, stopping",
                "org.mezite.agent [org.mezite.agent.internal.Agent] INFO : mezd agent it-node stopped");
        assertThat(output.lines()).last().isEqualTo("mezd: stopped");
        assertThat(output.lines()).noneMatch(line -> line.contains(" ERROR ") || line.startsWith("ERROR"));
    }

    @Test
    void aHubWithoutAnIdentityOrATokenStopsTheAgentWithWhatToDo() throws Exception {
        Path config = Files.writeString(tmp.resolve("mezd.conf"), String.join("\n",
                "node_name = it-node",
                "hub = 127.0.0.1:1",
                "data_dir = " + tmp.resolve("data"), ""));

        Output output = run(List.of("start", "--config", config.toString()));

        String why = "node it-node has not joined a cluster yet: set token and ca_pin in the configuration"
                + " (mezite:token-add prints them)";
        assertThat(output.exitCode).as(String.join("\n", output.lines)).isEqualTo(1);
        assertThat(output.lines).contains("org.mezite.agent [org.mezite.agent.internal.Agent] ERROR : " + why);
        assertThat(output.lines).last().isEqualTo("mezd: stopped: " + why);
        assertThat(tmp.resolve("data/identity")).doesNotExist();
    }

    @Test
    void aBadConfigValueStopsStartUpWithItsKeyAndLine() throws Exception {
        Path config = Files.writeString(tmp.resolve("mezd.conf"),
                "node_name = it-node\ndata_dir = " + tmp.resolve("data") + "\nlabels = env\n");

        Output output = run(List.of("start", "--config", config.toString()));

        assertThat(output.exitCode).isEqualTo(1);
        assertThat(output.lines).containsExactly("mezd: " + config + " line 3: labels: \"env\" must be KEY=VALUE,"
                + " the key made of letters, digits, '.', '_', '/' or '-'");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void anUnknownKeyStopsStartUpWithItsLine() throws Exception {
        Path config = Files.writeString(tmp.resolve("mezd.conf"), "node_name = it-node\nporxy = hub:3024\n");

        Output output = run(List.of("start", "--config", config.toString()));

        assertThat(output.exitCode).isEqualTo(1);
        assertThat(output.lines).containsExactly("mezd: " + config + " line 2: unknown key \"porxy\""
                + " (known keys: node_name, hub, data_dir, labels, token, ca_pin, proxy, ssh_listen,"
                + " client_idle_timeout)");
    }

    private record Output(int exitCode, List<String> lines) {
    }

    private Output run(List<String> args) throws Exception {
        Process process = mezd(args);
        OutputReader output = new OutputReader(process);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/mezd " + args + " exits").isTrue();
        output.join();
        return new Output(process.exitValue(), output.lines());
    }

    private Process mezd(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(DIST.resolve("bin/mezd").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    /** Collects a process's output lines as they come, and waits for one that matches. */
    private static final class OutputReader {

        private final List<String> lines = new ArrayList<>();
        private final Thread thread;

        OutputReader(Process process) {
            thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what was read stays
                }
            }, "mezd-output");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits (at most a minute, for a stuck agent) for a line matching {@code regex}. */
        String await(String regex) throws InterruptedException {
            Pattern pattern = Pattern.compile(regex);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            synchronized (lines) {
                int seen = 0;
                while (true) {
                    for (; seen < lines.size(); seen++) {
                        if (pattern.matcher(lines.get(seen)).find()) {
                            return lines.get(seen);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    assertThat(left).as("a line matching /" + regex + "/ in:\n" + String.join("\n", lines))
                            .isPositive();
                    lines.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            }
        }

        void join() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        String text() {
            return String.join("\n", lines());
        }
    }
}
