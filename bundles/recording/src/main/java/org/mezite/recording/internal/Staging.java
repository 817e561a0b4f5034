package org.mezite.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mezite.api.recording.Recordings.Staged;

/**
 * Recordings being received, one {@code SESSION.cast} (the bytes so far) and one {@code SESSION.node} (the node that
 * sends it) each, under the hub's data directory. They stay until the recording is stored, so an agent that comes
 * back after an interruption goes on from where Auth's bytes end. Callers hold the session's lock.
 */
final class Staging {

    private final Path directory;
    private final Path rejected;

    /** @param rejected where recordings that Auth refuses are moved, for whoever wants to look at them */
    Staging(Path directory, Path rejected) {
        this.directory = directory;
        this.rejected = rejected;
    }

    Path directory() {
        return directory;
    }

    Path cast(String sessionId) {
        return directory.resolve(sessionId + ".cast");
    }

    /** Where the recording is compressed before it goes to the sink. */
    Path packed(String sessionId) {
        return directory.resolve(sessionId + ".cast.gz.tmp");
    }

    private Path owner(String sessionId) {
        return directory.resolve(sessionId + ".node");
    }

    boolean holds(String sessionId) {
        return Files.exists(cast(sessionId));
    }

    /** Removes what a hub stopped in the middle of compressing a recording left; the staged bytes stay. */
    void removeLeftovers() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.cast.gz.tmp")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Starts or finds the session's staging; returns the bytes held. */
    long open(String nodeId, String sessionId) throws IOException {
        OwnerOnly.directories(directory);
        Path cast = cast(sessionId);
        if (Files.exists(cast)) {
            requireOwner(nodeId, sessionId);
            return Files.size(cast);
        }
        // the owner first: a hub stopped between the two leaves an owner without bytes, which the next open rewrites
        Files.writeString(owner(sessionId), nodeId, StandardCharsets.UTF_8);
        OwnerOnly.newFile(cast);
        return 0;
    }

    /** Appends at {@code offset}, which must be where the staged bytes end; returns where they end now. */
    long append(String nodeId, String sessionId, long offset, byte[] data) throws IOException {
        Path cast = cast(sessionId);
        if (!Files.exists(cast)) {
            throw new IllegalStateException("the recording of session " + sessionId + " is not being received");
        }
        requireOwner(nodeId, sessionId);
        try (FileChannel channel = FileChannel.open(cast, StandardOpenOption.WRITE)) {
            long held = channel.size();
            if (offset != held) {
                throw new IllegalStateException("offset " + offset + " does not follow on: Auth holds " + held
                        + " bytes of the recording of session " + sessionId);
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            long position = held;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            return position;
        }
    }

    /** The staged recording's first line when it has arrived whole within {@link HubRecordings#HEADER_LIMIT}. */
    Optional<String> firstLine(String sessionId) throws IOException {
        try (InputStream in = Files.newInputStream(cast(sessionId))) {
            return CastHeader.firstLine(in);
        }
    }

    long size(String sessionId) throws IOException {
        return Files.size(cast(sessionId));
    }

    /** The node that sends the session's recording; refuses any other. */
    void requireOwner(String nodeId, String sessionId) throws IOException {
        String holder = ownerOf(sessionId);
        if (!holder.equals(nodeId)) {
            throw new SecurityException("the recording of session " + sessionId + " is being sent by another node");
        }
    }

    private String ownerOf(String sessionId) throws IOException {
        Path owner = owner(sessionId);
        return Files.exists(owner) ? Files.readString(owner, StandardCharsets.UTF_8).trim() : "";
    }

    void remove(String sessionId) throws IOException {
        Files.deleteIfExists(cast(sessionId));
        Files.deleteIfExists(owner(sessionId));
    }

    /** Moves a refused recording out of the staging; returns where it went. */
    Path reject(String sessionId) throws IOException {
        OwnerOnly.directories(rejected);
        Path target = rejected.resolve(sessionId + ".cast");
        Files.move(cast(sessionId), target, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(owner(sessionId));
        return target;
    }

    List<Staged> list() {
        List<Staged> staged = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return staged;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.cast")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String sessionId = name.substring(0, name.length() - ".cast".length());
                try {
                    staged.add(new Staged(ownerOf(sessionId), sessionId, Files.size(file),
                            Files.getLastModifiedTime(file).toInstant()));
                } catch (NoSuchFileException e) {
                    // stored (or refused) while we looked: no longer staged
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recordings staged in " + directory, e);
        }
        return staged;
    }
}
