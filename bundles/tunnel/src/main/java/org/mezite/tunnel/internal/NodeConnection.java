package org.mezite.tunnel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.mezite.proto.tunnel.v1.DataFrame;
import org.mezite.proto.tunnel.v1.DataOpen;
import org.mezite.proto.tunnel.v1.TunnelServiceGrpc;

import com.google.protobuf.UnsafeByteOperations;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * One dialled connection on the agent's side: a socket to the node's SSH server piped both ways through one Data
 * stream.
 *
 * <p>Node to proxy, a thread reads the socket into one buffer, up to {@link DataPath#MAX_CHUNK} bytes, and sends
 * them only when the stream is ready, so a proxy side that does not keep up stops the reading: back-pressure for this
 * connection only. The buffer is reused: gRPC copies each frame into its own buffers before {@code onNext} returns
 * (the stream is ready, hence started, and retries are off). Proxy to node, each frame is written to the socket
 * before the next one is asked for. The socket's EOF half-closes the stream; the proxy's {@link DataPath#END} shuts
 * the socket's output; the end of the call closes the socket.
 */
final class NodeConnection implements ClientResponseObserver<DataFrame, DataFrame> {

    /** How often a pump waiting for the stream looks at it again, in case the onReady callback is held up. */
    private static final long READY_POLL_MILLIS = 5;

    private final long id;
    private final String nodeId;
    private final Socket socket;
    private final Consumer<NodeConnection> closed;
    private final Object sendLock = new Object();
    private final Object readyLock = new Object();
    private ClientCallStreamObserver<DataFrame> out;
    private OutputStream toNode;
    private volatile boolean done;

    /**
     * @param id     the connection id of the dial
     * @param closed told once when the connection is over
     */
    NodeConnection(long id, String nodeId, Socket socket, Consumer<NodeConnection> closed) {
        this.id = id;
        this.nodeId = nodeId;
        this.socket = socket;
        this.closed = closed;
    }

    /** Opens the data stream and starts piping; {@code reader} runs the socket's reading loop. */
    void start(TunnelServiceGrpc.TunnelServiceStub stub, Executor reader) throws IOException {
        socket.setTcpNoDelay(true);
        toNode = socket.getOutputStream();
        InputStream fromNode = socket.getInputStream();
        stub.withOnReadyThreshold(DataPath.ON_READY_THRESHOLD).data(this);
        synchronized (sendLock) {
            out.onNext(DataFrame.newBuilder()
                    .setOpen(DataOpen.newBuilder().setConnectionId(id).setNodeId(nodeId)).build());
        }
        reader.execute(() -> pump(fromNode));
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<DataFrame> stream) {
        out = stream;
        stream.disableAutoRequestWithInitial(1);
        stream.setOnReadyHandler(this::ready);
    }

    // ---- node to proxy

    private void pump(InputStream fromNode) {
        byte[] buffer = new byte[DataPath.MAX_CHUNK];
        try {
            while (true) {
                int read = fromNode.read(buffer);
                if (read < 0) {
                    synchronized (sendLock) {
                        if (!done) {
                            out.onCompleted();
                        }
                    }
                    return;
                }
                if (read == 0 || !awaitReady()) {
                    continue;
                }
                synchronized (sendLock) {
                    if (done) {
                        return;
                    }
                    out.onNext(DataFrame.newBuilder().setData(UnsafeByteOperations.unsafeWrap(buffer, 0, read))
                            .build());
                }
            }
        } catch (InterruptedIOException e) {
            abort("the agent is stopping");
        } catch (IOException e) {
            if (!done) {
                abort("reading from the node's SSH server failed: " + e.getMessage());
            }
        }
    }

    /**
     * Waits until the stream takes more; false when the connection is over meanwhile. The wait re-reads isReady() (the
     * transport's own state) every few milliseconds instead of relying on the onReady callback alone: that callback
     * runs on the call's serialized executor, which may be blocked in {@link #onNext} writing to the node's socket,
     * and that write may wait for the node, which waits for this loop to read what it sent. Without the timed wait
     * that cycle never ends.
     */
    private boolean awaitReady() throws InterruptedIOException {
        synchronized (readyLock) {
            while (!done && !out.isReady()) {
                try {
                    readyLock.wait(READY_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the tunnel");
                }
            }
            return !done;
        }
    }

    private void ready() {
        synchronized (readyLock) {
            readyLock.notifyAll();
        }
    }

    // ---- proxy to node

    @Override
    public void onNext(DataFrame frame) {
        try {
            switch (frame.getFrameCase()) {
                case DATA -> frame.getData().writeTo(toNode);
                case FRAME_NOT_SET -> socket.shutdownOutput();
                case OPEN -> {
                    abort("the proxy sent a DataOpen");
                    return;
                }
            }
        } catch (IOException e) {
            abort("writing to the node's SSH server failed: " + e.getMessage());
            return;
        }
        out.request(1);
    }

    @Override
    public void onError(Throwable t) {
        finish();
    }

    @Override
    public void onCompleted() {
        finish();
    }

    /** Cancels the stream and closes the socket. */
    void abort(String why) {
        synchronized (sendLock) {
            if (!done) {
                out.cancel(why, null);
            }
        }
        finish();
    }

    private void finish() {
        synchronized (sendLock) {
            if (done) {
                return;
            }
            done = true;
        }
        ready();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        closed.accept(this);
    }
}
