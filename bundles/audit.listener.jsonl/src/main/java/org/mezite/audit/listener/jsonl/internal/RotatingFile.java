package org.mezite.audit.listener.jsonl.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file that lines are appended to, rotated by size: when the next line would take {@code FILE} past the maximum,
 * {@code FILE.N-1} is deleted, {@code FILE.1} ... {@code FILE.N-2} move up by one, {@code FILE} becomes
 * {@code FILE.1} and a new {@code FILE} is started, so that at most {@code maxFiles} files exist. A line is never
 * split across files; a single line longer than the maximum gets a file of its own. Each line goes to the operating
 * system as it is appended (no buffer in the JVM), so a shipper tailing the file sees it at once and a crash of the
 * hub loses nothing already appended. Not thread-safe.
 */
final class RotatingFile implements Closeable {

    private final Path file;
    private final long maxSize;
    private final int maxFiles;
    private FileChannel channel;
    private long size;

    /** Creates the directories and opens (or continues) the file, so that a path that cannot be written fails here. */
    RotatingFile(Path file, long maxSize, int maxFiles) throws IOException {
        this.file = file;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        Files.createDirectories(file.getParent());
        open();
    }

    void append(byte[] line) throws IOException {
        if (channel == null) {
            // a write or a rotation failed before: start again from what is on disk
            open();
        }
        if (size > 0 && size + line.length > maxSize) {
            rotate();
        }
        write(line);
    }

    /** The file that {@code FILE.index} names; index 0 is the current file. */
    Path numbered(int index) {
        return index == 0 ? file : file.resolveSibling(file.getFileName() + "." + index);
    }

    @Override
    public void close() throws IOException {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }

    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
        if (size > 0 && !endsWithNewline()) {
            // the hub stopped in the middle of a line: end it, so that the next event is a line of its own
            write(new byte[] {'\n'});
        }
    }

    private boolean endsWithNewline() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            read.read(last, size - 1);
        }
        return last.get(0) == '\n';
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                size += channel.write(buffer);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void rotate() throws IOException {
        close();
        int oldest = maxFiles - 1;
        Files.deleteIfExists(numbered(oldest));
        // files beyond the limit that an earlier, larger max_files left behind
        for (int index = oldest + 1; index > 0 && Files.deleteIfExists(numbered(index)); index++) {
            // deleted
        }
        for (int index = oldest - 1; index >= 1; index--) {
            if (Files.exists(numbered(index))) {
                Files.move(numbered(index), numbered(index + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (oldest >= 1) {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }
}
