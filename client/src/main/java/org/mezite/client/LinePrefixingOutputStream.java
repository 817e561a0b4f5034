package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes each line with a prefix ({@code [node-01] }) and whole lines only, so that the output of commands running
 * on several nodes at once interleaves by line, never within one. A last line without a newline is completed on
 * {@link #close()}.
 */
final class LinePrefixingOutputStream extends OutputStream {

    private final byte[] prefix;
    private final OutputStream target;
    private final Object lock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** @param lock shared by all the streams that write to {@code target} */
    LinePrefixingOutputStream(String prefix, OutputStream target, Object lock) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.target = target;
        this.lock = lock;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == '\n') {
                line.write(data, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(data, start, offset + length - start);
    }

    private void emit() throws IOException {
        synchronized (lock) {
            target.write(prefix);
            line.writeTo(target);
            target.flush();
        }
        line.reset();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            line.write('\n');
            emit();
        }
    }
}
