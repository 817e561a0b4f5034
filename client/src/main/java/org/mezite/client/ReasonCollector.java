package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Keeps what the proxy writes on a node channel's standard error: when it refuses to connect (access denied, no
 * such node, node offline) it says why in one line there before it closes the channel.
 */
final class ReasonCollector {

    private static final int LIMIT = 4096;

    private final IoInputStream err;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final Buffer buffer = new ByteArrayBuffer(1024, false);

    ReasonCollector(IoInputStream err) {
        this.err = err;
        readNext();
    }

    private void readNext() {
        while (true) {
            buffer.clear();
            IoReadFuture read;
            try {
                read = err.read(buffer);
            } catch (RuntimeException e) {
                return;
            }
            if (!read.isDone()) {
                read.addListener(done -> {
                    if (keep(done)) {
                        readNext();
                    }
                });
                return;
            }
            if (!keep(read)) {
                return;
            }
        }
    }

    private boolean keep(IoReadFuture read) {
        if (read.getException() != null) {
            return false;
        }
        Buffer data = read.getBuffer();
        synchronized (text) {
            int room = LIMIT - text.size();
            if (room > 0) {
                text.write(data.array(), data.rpos(), Math.min(room, data.available()));
            }
        }
        return true;
    }

    String text() {
        synchronized (text) {
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
