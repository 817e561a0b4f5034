package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/msh from the built installation (target/msh-VERSION), as a user runs it. */
class MshIT {

    private static final Path DIST = Path.of(System.getProperty("msh.dist", "target/msh"));
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

    @TempDir
    Path home;

    @Test
    void versionPrintsOnlyTheVersionOnFirstAndLaterRuns() throws Exception {
        Result first = msh(Map.of(), "version");
        Result second = msh(Map.of(), "version");

        for (Result result : List.of(first, second)) {
            assertThat(result.exitCode).isZero();
            assertThat(result.stdout).isEqualTo("msh " + VERSION + "\n");
            assertThat(result.stderr).isEmpty();
        }
    }

    @Test
    void theFirstRunLeavesAClassDataArchiveInTheUsersCacheForTheNext() throws Exception {
        msh(Map.of(), "version");

        assertThat(archives()).singleElement().satisfies(archive -> {
            assertThat(archive.getFileName().toString()).matches("msh-[0-9]+\\.jsa");
            assertThat(Files.size(archive)).isPositive();
        });
    }

    @Test
    void theSshCommandsKeepAClassDataArchiveOfTheirOwn() throws Exception {
        msh(Map.of(), "version");
        Result help = msh(Map.of(), "ls", "--help");

        assertThat(help.exitCode).isZero();
        assertThat(help.stdout).startsWith("Usage: msh ls ");
        assertThat(archives()).extracting(archive -> archive.getFileName().toString())
                .hasSize(2).anyMatch(name -> name.matches("msh-[0-9]+\\.jsa"))
                .anyMatch(name -> name.matches("msh-[0-9]+-ssh\\.jsa"));
    }

    @Test
    void playsAnExportedRecordingOfflineAsText() throws Exception {
        Path file = home.resolve("session.cast.gz");
        Files.write(file, Recordings.gzip(Recordings.sample()));

        Result result = msh(Map.of(), "play", file.toString(), "--format", "text");

        assertThat(result.exitCode).as(result.stderr).isZero();
        assertThat(result.stdout).isEqualTo(Recordings.SAMPLE_TEXT);
        assertThat(result.stderr).isEmpty();
    }

    @Test
    void cdsCanBeTurnedOff() throws Exception {
        Result result = msh(Map.of("MSH_CDS", "off"), "version");

        assertThat(result.stdout).isEqualTo("msh " + VERSION + "\n");
        assertThat(archives()).isEmpty();
    }

    @Test
    void aUsageErrorKeepsItsExitCodeAndMessageOnTheFirstRun() throws Exception {
        Result result = msh(Map.of(), "nosuchcommand");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr).contains("Unmatched argument at index 0: 'nosuchcommand'");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private List<Path> archives() throws IOException {
        Path cache = home.resolve(".cache/msh");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    private Result msh(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(DIST.resolve("bin/msh").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("stdout").toFile())
                .redirectError(home.resolve("stderr").toFile());
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("msh exits").isTrue();
        return new Result(process.exitValue(), Files.readString(home.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
