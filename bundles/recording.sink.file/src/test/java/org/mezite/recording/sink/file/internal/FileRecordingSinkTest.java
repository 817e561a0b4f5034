package org.mezite.recording.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;

class FileRecordingSinkTest {

    @TempDir
    Path directory;

    @Test
    void storesReplacesAndOpensARecording() throws IOException {
        FileRecordingSink sink = new FileRecordingSink(directory.resolve("store"));

        String location = sink.store("s-1", new ByteArrayInputStream("first".getBytes()));
        sink.store("s-1", new ByteArrayInputStream("second".getBytes()));

        assertThat(Path.of(location)).isEqualTo(directory.resolve("store/s-1.cast.gz"));
        try (InputStream in = sink.open("s-1", location)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("second");
        }
        try (var files = Files.list(directory.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s-1.cast.gz");
        }
    }

    @Test
    void aFailedUploadLeavesTheStoredRecordingAndNoTemporaryFile() throws IOException {
        FileRecordingSink sink = new FileRecordingSink(directory);
        sink.store("s-2", new ByteArrayInputStream("kept".getBytes()));
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the upload broke");
            }
        };

        assertThatThrownBy(() -> sink.store("s-2", failing)).hasMessage("the upload broke");
        try (InputStream in = sink.open("s-2", "ignored")) {
            assertThat(new String(in.readAllBytes())).isEqualTo("kept");
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s-2.cast.gz");
        }
    }

    @Test
    void recordingsAreReadableByTheHubsUserOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        FileRecordingSink sink = new FileRecordingSink(directory.resolve("store"));

        String location = sink.store("s-1", new ByteArrayInputStream("secret output".getBytes()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(location))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("store"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aRecordingStoredBeforeTheDirectoryChangedIsOpenedWhereTheIndexSaysItIs() throws IOException {
        String location = new FileRecordingSink(directory.resolve("old")).store("s-1",
                new ByteArrayInputStream("old place".getBytes()));
        FileRecordingSink moved = new FileRecordingSink(directory.resolve("new"));

        try (InputStream in = moved.open("s-1", location)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("old place");
        }
        // a location that is not that session's file is not followed
        assertThatThrownBy(() -> moved.open("s-2", location)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theDirectoryIsTheDataDirectorysUnlessConfigured() throws IOException {
        HubSettings settings = settings(directory.resolve("data"));

        String byDefault = new FileRecordingSink(settings, config("")).store("s-1", InputStream.nullInputStream());
        String relative = new FileRecordingSink(settings, config("elsewhere")).store("s-1",
                InputStream.nullInputStream());
        String absolute = new FileRecordingSink(settings, config(directory.resolve("abs").toString())).store("s-1",
                InputStream.nullInputStream());

        assertThat(Path.of(byDefault)).isEqualTo(directory.resolve("data/recordings/store/s-1.cast.gz"));
        assertThat(Path.of(relative)).isEqualTo(directory.resolve("data/elsewhere/s-1.cast.gz"));
        assertThat(Path.of(absolute)).isEqualTo(directory.resolve("abs/s-1.cast.gz"));
        assertThatThrownBy(() -> new FileRecordingSink(settings, config("bad\0path")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("directory in etc/org.mezite.recording.sink.file.cfg is not a path");
    }

    private static HubSettings settings(Path dataDir) {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new HubSettings("test", Set.of(HubRole.AUTH), any, any, any, any, dataDir,
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite::memory:", "", "", 1));
    }

    private static FileSinkConfig config(String directory) {
        return new FileSinkConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FileSinkConfig.class;
            }

            @Override
            public String directory() {
                return directory;
            }
        };
    }

    @Test
    void refusesIdsThatWouldLeaveTheDirectoryAndReportsMissingRecordings() {
        FileRecordingSink sink = new FileRecordingSink(directory);

        assertThatThrownBy(() -> sink.store("../etc/passwd", InputStream.nullInputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../etc/passwd");
        assertThatThrownBy(() -> sink.open("s-..-x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sink.open("missing", "x")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no recording of session missing");
    }
}
