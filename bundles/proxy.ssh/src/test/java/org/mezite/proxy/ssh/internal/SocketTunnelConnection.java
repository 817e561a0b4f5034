package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelReceiver;

/**
 * A tunnel connection that is a plain TCP socket to the node's server, with the tunnel's contract: a write completes
 * once the bytes are on the socket, and the next bytes are read only after the receiver consumed the last ones (the
 * read buffer is reused then, so a receiver that kept it would see its bytes change).
 */
final class SocketTunnelConnection implements TunnelConnection {

    private final Socket socket;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-tunnel-writer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    SocketTunnelConnection(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void start(TunnelReceiver receiver) {
        Thread reader = new Thread(() -> read(receiver), "test-tunnel-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(TunnelReceiver receiver) {
        byte[] buffer = new byte[16 * 1024];
        Semaphore consumed = new Semaphore(0);
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    receiver.onEnd();
                    return;
                }
                receiver.onData(ByteBuffer.wrap(buffer, 0, n), consumed::release);
                consumed.acquire();
            }
        } catch (IOException e) {
            if (!closed) {
                receiver.onError(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer data) {
        return CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, writer);
    }

    @Override
    public void shutdownOutput() {
        writer.execute(() -> {
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                // the socket is gone already
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        writer.shutdownNow();
    }
}
