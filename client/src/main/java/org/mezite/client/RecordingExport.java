package org.mezite.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a recording to a file for {@code msh recordings export}: plain asciicast, or gzip-compressed when the file
 * name ends in {@code .gz}. It is written beside the file under a temporary name (readable by its owner only, like
 * the recording) and renamed into place once complete, so that the file is never seen half-written; an existing file
 * is replaced only when asked.
 */
final class RecordingExport {

    /** What to do once all bytes were read and before the file is put in place: check that none are missing. */
    interface Completion {
        void check() throws IOException;
    }

    private final Path target;
    private final boolean replace;

    private RecordingExport(Path target, boolean replace) {
        this.target = target;
        this.replace = replace;
    }

    /**
     * Checks the file name before anything is fetched.
     *
     * @throws MshException when the file exists and {@code replace} is not set, or is not a file
     */
    static RecordingExport to(String file, boolean replace) {
        Path target = Path.of(file).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw MshException.failed(file + " is a directory");
        }
        if (Files.exists(target) && !replace) {
            throw MshException.failed(file + " exists; add --force to replace it");
        }
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw MshException.failed("cannot write " + file + ": no directory " + directory);
        }
        return new RecordingExport(target, replace);
    }

    boolean compressed() {
        return target.getFileName().toString().endsWith(".gz");
    }

    /**
     * Writes the recording's bytes as stored (gzip) or plain, then puts the file in place.
     *
     * @return the size of the file written
     */
    long write(InputStream recording, Completion completion) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                BufferedInputStream in = RecordingBytes.buffered(recording);
                boolean gzip = RecordingBytes.isGzip(in);
                if (compressed() == gzip) {
                    in.transferTo(out);
                } else if (compressed()) {
                    try (GZIPOutputStream zipped = new GZIPOutputStream(out, RecordingBytes.BUFFER)) {
                        in.transferTo(zipped);
                    }
                } else {
                    RecordingBytes.text(in).transferTo(out);
                }
            }
            completion.check();
            place(partial);
            return Files.size(target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void place(Path partial) throws IOException {
        if (!replace) {
            try {
                Files.move(partial, target);
            } catch (FileAlreadyExistsException e) {
                throw MshException.failed(target + " appeared meanwhile; add --force to replace it");
            }
            return;
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
