package org.mezite.recording.sink.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

import org.mezite.api.hub.HubSettings;
import org.mezite.api.recording.RecordingSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recordings as {@code SESSION.cast.gz} files in one directory. A file is written beside its final name, forced to
 * disk and renamed over it, so a reader sees the old recording or the new one, never half of one, and a recording
 * the hub indexed survives a power cut.
 */
@Component(service = RecordingSink.class, configurationPid = FileRecordingSink.PID,
        property = RecordingSink.NAME + "=file")
@Designate(ocd = FileSinkConfig.class)
public final class FileRecordingSink implements RecordingSink {

    static final String PID = "org.mezite.recording.sink.file";

    private static final Logger LOG = LoggerFactory.getLogger(FileRecordingSink.class);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String SUFFIX = ".cast.gz";

    private final Path directory;

    @Activate
    public FileRecordingSink(@Reference(name = "settings") HubSettings settings, FileSinkConfig config) {
        this(directory(settings, config));
        LOG.info("recording sink \"file\" keeps recordings in {}", directory);
    }

    FileRecordingSink(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    private static Path directory(HubSettings settings, FileSinkConfig config) {
        String configured = config.directory() == null ? "" : config.directory().trim();
        if (configured.isEmpty()) {
            return settings.dataDir().resolve("recordings").resolve("store");
        }
        try {
            return settings.dataDir().resolve(configured); // a relative path is taken from the data directory
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("directory in etc/" + PID + ".cfg is not a path: \"" + configured
                    + "\" (" + e.getReason() + ")");
        }
    }

    @Override
    public String store(String sessionId, InputStream gzipped) throws IOException {
        Path target = file(sessionId);
        OwnerOnly.directories(directory);
        // one name per session: the hub stores one session's recording at a time, and a retry overwrites what a
        // hub stopped mid-write left behind
        Path temporary = directory.resolve("." + sessionId + SUFFIX + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(OwnerOnly.newFile(temporary), StandardOpenOption.WRITE)) {
                gzipped.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory();
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target.toString();
    }

    /** Makes the rename durable; not every platform can open a directory for that, and then the rename must do. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot force {} to disk: {}", directory, e.toString());
        }
    }

    /**
     * The file named by {@code location} when it is that session's (a recording stored before {@code directory} was
     * changed), otherwise the session's file in the directory.
     */
    @Override
    public InputStream open(String sessionId, String location) throws IOException {
        Path file = file(sessionId);
        if (location != null && !location.isBlank()) {
            Path stored = Path.of(location).normalize();
            if (stored.isAbsolute() && stored.getFileName() != null
                    && stored.getFileName().toString().equals(sessionId + SUFFIX) && Files.isRegularFile(stored)) {
                file = stored;
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the file sink holds no recording of session "
                    + sessionId);
        }
        return Files.newInputStream(file);
    }

    /** The session's file; only plain ids, so that no id reaches outside the directory. */
    private Path file(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches() || sessionId.contains("..")) {
            throw new IllegalArgumentException("session id \"" + sessionId + "\" is not valid for a file name");
        }
        return directory.resolve(sessionId + SUFFIX);
    }
}
