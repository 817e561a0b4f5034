package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void spoolsAreForTheAgentsUserOnlyAndListedOldestFirst() throws Exception {
        SpoolDirectory spools = new SpoolDirectory(dataDir);
        write(spools, "newer", "{}\n", Instant.parse("2030-01-02T00:00:00Z"));
        write(spools, "older", "{}\n", Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(spools.spooled()).containsExactly("older", "newer");
        assertThat(Files.getPosixFilePermissions(spools.directory()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(spools.cast("older")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aMarkerLeftWithoutItsRecordingIsRemoved() throws Exception {
        SpoolDirectory spools = new SpoolDirectory(dataDir);
        write(spools, "kept", "{}\n", Instant.now());
        Files.createFile(spools.marker("uploaded"));

        assertThat(spools.spooled()).containsExactly("kept");
        assertThat(spools.marker("uploaded")).doesNotExist();
    }

    @Test
    void ofARecordingCutOffOnlyItsWholeLinesAreUploaded() throws Exception {
        SpoolDirectory spools = new SpoolDirectory(dataDir);
        String whole = "{\"version\":2}\n" + "[0.1, \"o\", \"x\"]\n".repeat(2000);
        String half = "[0.2, \"o\", \"hal";
        write(spools, "cut", whole + half, Instant.now());

        assertThat(spools.uploadable("cut", false)).isEqualTo(whole.length());
        assertThat(spools.uploadable("cut", true)).isEqualTo(whole.length() + half.length());

        write(spools, "nothing", "{\"version\":2, \"wid", Instant.now());
        assertThat(spools.uploadable("nothing", false)).isZero();
    }

    @Test
    void aRejectedRecordingMovesAsideWithItsMarker() throws Exception {
        SpoolDirectory spools = new SpoolDirectory(dataDir);
        write(spools, "refused", "{}\n", Instant.now());
        spools.markEnded("refused");

        Path moved = spools.reject("refused");

        assertThat(moved).isEqualTo(spools.rejected().resolve("refused.cast")).hasContent("{}");
        assertThat(spools.rejected().resolve("refused.end")).exists();
        assertThat(spools.spooled()).isEmpty();
    }

    @Test
    void aSessionIdThatCannotBeAFileNameIsRefused() {
        SpoolDirectory spools = new SpoolDirectory(dataDir);
        assertThatThrownBy(() -> spools.create("../escape")).isInstanceOf(IOException.class)
                .hasMessage("\"../escape\" cannot name a recording file");
        assertThat(SpoolDirectory.isSessionId(".hidden")).isFalse();
        assertThat(SpoolDirectory.isSessionId("7d0e5f8a-1c2b-4e3d-9f00-aa11bb22cc33")).isTrue();
    }

    private static void write(SpoolDirectory spools, String id, String content, Instant modified)
            throws IOException {
        try (RecordingSpool spool = spools.create(id)) {
            spool.append(content.getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(spools.cast(id), FileTime.from(modified));
    }
}
