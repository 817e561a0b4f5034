package org.mezite.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recordings waiting on the agent's disk, in {@code DATA_DIR/recordings}: {@code SESSION.cast} (asciicast v2) for
 * each, and beside it {@code SESSION.end} once the session ended normally, which tells a complete recording from one
 * cut off by a killed agent. Recordings Auth refused for good are moved to {@code recordings/rejected} for someone to
 * look at. Readable by the agent's user only: they hold whatever the terminals showed.
 */
final class SpoolDirectory {

    static final String CAST = ".cast";
    static final String END = ".end";
    /** Session ids become file names: nothing that could leave the directory or hide a file. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final int TAIL_BLOCK = 8192;

    private final Path directory;

    SpoolDirectory(Path dataDir) {
        this.directory = dataDir.resolve("recordings");
    }

    Path directory() {
        return directory;
    }

    Path rejected() {
        return directory.resolve("rejected");
    }

    static boolean isSessionId(String id) {
        return id != null && SESSION_ID.matcher(id).matches();
    }

    Path cast(String sessionId) {
        return directory.resolve(sessionId + CAST);
    }

    Path marker(String sessionId) {
        return directory.resolve(sessionId + END);
    }

    /**
     * Creates the spool of a new session.
     *
     * @throws IOException when it cannot, or one exists already
     */
    RecordingSpool create(String sessionId) throws IOException {
        if (!isSessionId(sessionId)) {
            throw new IOException("\"" + sessionId + "\" cannot name a recording file");
        }
        ownerOnlyDirectory(directory);
        Path file = cast(sessionId);
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes("rw-------"));
        return new RecordingSpool(file, channel);
    }

    /** Marks the session's recording complete. */
    void markEnded(String sessionId) throws IOException {
        Path marker = marker(sessionId);
        if (!Files.exists(marker)) {
            Files.createFile(marker, attributes("rw-------"));
        }
    }

    boolean ended(String sessionId) {
        return Files.exists(marker(sessionId));
    }

    boolean exists(String sessionId) {
        return Files.exists(cast(sessionId));
    }

    /** The sessions with a spool here, oldest first; markers left without their recording are removed. */
    List<String> spooled() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Map<String, FileTime> casts = new HashMap<>();
        List<Path> markers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(CAST) && Files.isRegularFile(file)) {
                    String id = name.substring(0, name.length() - CAST.length());
                    if (isSessionId(id)) {
                        casts.put(id, Files.getLastModifiedTime(file));
                    }
                } else if (name.endsWith(END)) {
                    markers.add(file);
                }
            }
        }
        for (Path marker : markers) {
            String name = marker.getFileName().toString();
            if (!casts.containsKey(name.substring(0, name.length() - END.length()))) {
                Files.deleteIfExists(marker); // its recording was uploaded, and the agent stopped before this went
            }
        }
        List<String> ids = new ArrayList<>(casts.keySet());
        ids.sort(Comparator.comparing(casts::get));
        return ids;
    }

    /**
     * How much of the recording to upload: all of a complete one; of one cut off, up to the end of its last whole
     * line, since the line in flight when the agent was killed may be half written.
     */
    long uploadable(String sessionId, boolean complete) throws IOException {
        try (FileChannel file = FileChannel.open(cast(sessionId), StandardOpenOption.READ)) {
            long size = file.size();
            if (complete) {
                return size;
            }
            ByteBuffer block = ByteBuffer.allocate(TAIL_BLOCK);
            for (long end = size; end > 0;) {
                long start = Math.max(0, end - TAIL_BLOCK);
                block.clear().limit((int) (end - start));
                while (block.hasRemaining()) {
                    if (file.read(block, start + block.position()) < 0) {
                        break;
                    }
                }
                for (int i = block.position() - 1; i >= 0; i--) {
                    if (block.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
            return 0;
        }
    }

    /** Removes an uploaded recording: the recording first, so that a recording is never left without its marker. */
    void delete(String sessionId) throws IOException {
        Files.deleteIfExists(cast(sessionId));
        Files.deleteIfExists(marker(sessionId));
    }

    /** Moves a recording Auth will never take to {@code rejected/}; returns where it went. */
    Path reject(String sessionId) throws IOException {
        Path rejected = rejected();
        ownerOnlyDirectory(rejected);
        Path target = rejected.resolve(sessionId + CAST);
        AtomicFiles.move(cast(sessionId), target);
        try {
            if (Files.exists(marker(sessionId))) {
                AtomicFiles.move(marker(sessionId), rejected.resolve(sessionId + END));
            }
        } catch (NoSuchFileException e) {
            // gone meanwhile
        }
        return target;
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attributes("rwx------"));
        }
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return AtomicFiles.POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions
                        .fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
