package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running mezd, from the built archive, and the lines it printed so far. */
final class MezdProcess {

    static final Path MEZD = Path.of(System.getProperty("mezd.dist", "target/archives/mezd-0.1.0-SNAPSHOT"));

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private MezdProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process went away; what was read stays
            }
        }, "mezd-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits (at most two minutes, for a stuck agent) for a line matching {@code regex}. */
    String await(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
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
                assertThat(process.isAlive() || reader.isAlive())
                        .as("mezd ended before a line matched /" + regex + "/:\n" + String.join("\n", lines))
                        .isTrue();
                lines.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1_000));
            }
        }
    }

    /** The first group of the first line matching {@code regex}. */
    String awaitGroup(String regex) throws InterruptedException {
        Matcher matcher = Pattern.compile(regex).matcher(await(regex));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** SIGTERM, and the exit status. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("mezd exits:\n" + text()).isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String text() {
        return String.join("\n", lines());
    }

    /** SIGKILL, as a crash would end it; nothing when it has ended. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** {@code bin/mezd start --config FILE}. */
    static MezdProcess start(Path config) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(MEZD.resolve("bin/mezd").toString(), "start", "--config",
                config.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new MezdProcess(builder.start());
    }
}
