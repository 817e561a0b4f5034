package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingExportTest {

    private static final byte[] SAMPLE = Recordings.sample();
    private static final byte[] STORED = Recordings.gzip(SAMPLE);

    @TempDir
    Path dir;

    @Test
    void gzipIsToldApartByItsMagicBytesWithoutConsumingThem() throws IOException {
        BufferedInputStream zipped = RecordingBytes.buffered(new ByteArrayInputStream(STORED));
        BufferedInputStream plain = RecordingBytes.buffered(new ByteArrayInputStream(SAMPLE));

        assertThat(RecordingBytes.isGzip(zipped)).isTrue();
        assertThat(zipped.readAllBytes()).isEqualTo(STORED);
        assertThat(RecordingBytes.isGzip(plain)).isFalse();
        assertThat(RecordingBytes.isGzip(RecordingBytes.buffered(new ByteArrayInputStream(new byte[] {0x1f}))))
                .isFalse();
        assertThat(RecordingBytes.isGzip(RecordingBytes.buffered(new ByteArrayInputStream(new byte[0])))).isFalse();
        assertThat(RecordingBytes.text(new ByteArrayInputStream(STORED)).readAllBytes()).isEqualTo(SAMPLE);
        assertThat(RecordingBytes.text(new ByteArrayInputStream(SAMPLE)).readAllBytes()).isEqualTo(SAMPLE);
    }

    @Test
    void aCastFileGetsThePlainRecordingReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("session.cast");

        long size = RecordingExport.to(file.toString(), false).write(new ByteArrayInputStream(STORED), () -> { });

        assertThat(Files.readAllBytes(file)).isEqualTo(SAMPLE);
        assertThat(size).isEqualTo(SAMPLE.length);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(leftovers()).containsExactly("session.cast");
    }

    @Test
    void aGzFileGetsTheStoredBytesAsTheyAre() throws IOException {
        Path file = dir.resolve("session.cast.gz");

        RecordingExport.to(file.toString(), false).write(new ByteArrayInputStream(STORED), () -> { });

        assertThat(Files.readAllBytes(file)).isEqualTo(STORED);
    }

    @Test
    void aGzFileOfAPlainRecordingIsCompressed() throws IOException {
        Path file = dir.resolve("session.cast.gz");

        RecordingExport.to(file.toString(), false).write(new ByteArrayInputStream(SAMPLE), () -> { });

        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(in.readAllBytes()).isEqualTo(SAMPLE);
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenForced() throws IOException {
        Path file = Files.writeString(dir.resolve("session.cast"), "keep me");

        assertThatThrownBy(() -> RecordingExport.to(file.toString(), false)).isInstanceOf(MshException.class)
                .hasMessage(file + " exists; add --force to replace it");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        RecordingExport.to(file.toString(), true).write(new ByteArrayInputStream(STORED), () -> { });
        assertThat(Files.readAllBytes(file)).isEqualTo(SAMPLE);
        assertThat(leftovers()).containsExactly("session.cast");
    }

    @Test
    void aFileThatAppearedWhileFetchingIsNotOverwritten() throws IOException {
        Path file = dir.resolve("session.cast");
        RecordingExport export = RecordingExport.to(file.toString(), false);
        Files.writeString(file, "someone else's");

        assertThatThrownBy(() -> export.write(new ByteArrayInputStream(STORED), () -> { }))
                .hasMessageContaining("appeared meanwhile; add --force to replace it");
        assertThat(Files.readString(file)).isEqualTo("someone else's");
        assertThat(leftovers()).containsExactly("session.cast");
    }

    @Test
    void aFetchThatFailsLeavesNoFile() throws IOException {
        Path file = dir.resolve("session.cast");

        assertThatThrownBy(() -> RecordingExport.to(file.toString(), false).write(new ByteArrayInputStream(STORED),
                () -> {
                    throw MshException.failed("no recording of session x");
                })).hasMessage("no recording of session x");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDirectoryIsNoFile() {
        assertThatThrownBy(() -> RecordingExport.to(dir.toString(), true)).hasMessage(dir + " is a directory");
    }

    private java.util.List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
