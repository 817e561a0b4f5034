package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.AsyncCommandStreamsAware;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code session} channel on the proxy runs, with MINA's non-blocking streams: the proxy's few commands never
 * block an SSH server thread. Input is discarded unless a command takes it.
 */
abstract class ProxyCommand implements Command, AsyncCommandStreamsAware, ChannelSessionAware {

    static final String PREFIX = "mezite proxy: ";
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCommand.class);

    private final AtomicBoolean exited = new AtomicBoolean();
    private ChannelSession channel;
    private IoOutputStream out;
    private IoOutputStream err;
    private ExitCallback exitCallback;

    @Override
    public void setChannelSession(ChannelSession session) {
        channel = session;
        session.setDataReceiver(receiver());
    }

    /** Takes the client's input; by default throws it away. */
    ChannelDataReceiver receiver() {
        return new ChannelDataReceiver() {
            @Override
            public int data(ChannelSession session, byte[] buf, int start, int len) {
                return len;
            }

            @Override
            public void close() {
                // nothing to end
            }
        };
    }

    ChannelSession channel() {
        return channel;
    }

    IoOutputStream out() {
        return out;
    }

    /** Writes the text to standard output, then exits with status 0. */
    void succeed(String text) {
        write(out, text, () -> exit(0, null));
    }

    /**
     * Writes {@code mezite proxy: MESSAGE} as one line to standard error, then exits with status 1.
     *
     * @return completes once the line has been written (or could not be) and the exit status sent
     */
    CompletableFuture<Void> fail(String message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        write(err, PREFIX + message + "\n", () -> {
            try {
                exit(1, message);
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    void exit(int status, String message) {
        if (exited.compareAndSet(false, true)) {
            exitCallback.onExit(status, message == null ? "" : message);
        }
    }

    private void write(IoOutputStream stream, String text, Runnable then) {
        try {
            stream.writeBuffer(new ByteArrayBuffer(text.getBytes(StandardCharsets.UTF_8)))
                    .addListener(future -> then.run());
        } catch (IOException | RuntimeException e) {
            LOG.debug("proxy-ssh: cannot write to {}: {}", channel, e.getMessage());
            then.run();
        }
    }

    @Override
    public void setIoOutputStream(IoOutputStream stream) {
        out = stream;
    }

    @Override
    public void setIoErrorStream(IoOutputStream stream) {
        err = stream;
    }

    @Override
    public void setIoInputStream(IoInputStream stream) {
        // input comes through receiver()
    }

    @Override
    public void setInputStream(InputStream stream) {
        // non-blocking streams only
    }

    @Override
    public void setOutputStream(OutputStream stream) {
        // non-blocking streams only
    }

    @Override
    public void setErrorStream(OutputStream stream) {
        // non-blocking streams only
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        exitCallback = callback;
    }

    @Override
    public void destroy(ChannelSession session) {
        // nothing held by default
    }
}
