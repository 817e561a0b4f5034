package org.mezite.recording.sink.file.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Recordings hold whatever the terminals showed (passwords typed at prompts that echo, secrets printed): their files
 * and directories are created readable by the hub's user only, where the file system has POSIX permissions.
 */
final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    static Path directories(Path directory) throws IOException {
        return Files.createDirectories(directory, attributes("rwx------"));
    }

    /** Creates {@code file} empty, replacing any file of that name. */
    static Path newFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, attributes("rw-------"));
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions
                .fromString(permissions))} : new FileAttribute<?>[0];
    }
}
