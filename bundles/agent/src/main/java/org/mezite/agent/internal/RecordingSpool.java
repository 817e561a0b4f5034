package org.mezite.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One session's recording being written to the agent's disk. Each line goes straight to the operating system with one
 * write, unbuffered, so that a {@code kill -9} of mezd loses at most the line in flight; {@link #finish} also forces it
 * to the disk, so that a finished recording survives the host going down before it is uploaded.
 */
final class RecordingSpool implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private volatile long size;

    RecordingSpool(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    Path file() {
        return file;
    }

    /** Bytes written so far. */
    long size() {
        return size;
    }

    void append(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += line.length;
    }

    /** Forces what was written to the disk and closes the file. */
    void finish() throws IOException {
        try {
            channel.force(true);
        } finally {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
