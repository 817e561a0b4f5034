package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelReceiver;

/**
 * Moves bytes between an SSH channel and a node's tunnel connection, with back-pressure both ways and no more copies
 * than needed.
 * <p>
 * Client to node: the channel's bytes are copied once (MINA reuses its packet buffer) into a pending buffer, which is
 * written to the tunnel whole whenever the previous write has completed; only then is the client's window opened by
 * as many bytes, so a slow node holds the client back instead of filling the proxy's memory. The window bounds the
 * pending bytes.
 * <p>
 * Node to client: the node's bytes are copied once, straight into SSH packets the size the client takes, which the
 * session encrypts in place; the tunnel hears that they were consumed only once the channel has sent them, which waits
 * for the client's window.
 * <p>
 * EOF travels both ways after the bytes before it; the channel hears when both directions have ended.
 */
final class TunnelPipe implements TunnelReceiver {

    /** The SSH channel's side of the pipe. */
    interface ChannelSide {

        /** Where the node's bytes go: the channel's data stream to the client. */
        IoOutputStream clientOutput();

        /** The largest data packet the client takes on this channel. */
        int clientPacketSize();

        /**
         * A buffer for one data packet of {@code length} bytes, positioned where they go: when it is sent whole, the
         * channel encrypts it in place instead of copying it into a packet of its own.
         */
        Buffer packetBuffer(int length);

        /** The node took this many of the client's bytes: the client may send as many more. */
        void released(int length);

        /** The node ended its output, and all of it has been written to the client. */
        void nodeEnded();

        /** Both directions have ended. */
        void finished();

        /** The connection to the node broke or could not be used; nothing more will flow. */
        void broken(Throwable cause);
    }

    private final ChannelSide side;
    private final Object lock = new Object();
    private final AtomicBoolean brokenSignalled = new AtomicBoolean();
    private final AtomicBoolean finishedSignalled = new AtomicBoolean();

    // client to node, guarded by lock
    private TunnelConnection connection;
    private byte[] pending;
    private int pendingLength;
    private boolean writing;
    private boolean clientEnded;
    private boolean outputShut;
    private boolean nodeEnded;
    private boolean closed;

    // node to client: one frame at a time, as the tunnel delivers the next only once this one is consumed; guarded by
    // lock
    private boolean sendingToClient;
    private boolean nodeEndPending;
    private volatile long bytesToNode;
    private volatile long bytesToClient;

    TunnelPipe(ChannelSide side) {
        this.side = side;
    }

    /** Starts the flow both ways, with any client bytes that came before the connection. */
    void connect(TunnelConnection dialled) {
        boolean accepted;
        boolean drain = false;
        synchronized (lock) {
            accepted = !closed;
            if (accepted) {
                connection = dialled;
                drain = !writing && (pendingLength > 0 || clientEnded);
                writing |= drain;
            }
        }
        if (!accepted) {
            dialled.close(); // the channel closed while the node was being dialled
            return;
        }
        dialled.start(this);
        if (drain) {
            drain();
        }
    }

    /** Bytes from the client; the caller's array is reused once this returns. */
    void fromClient(byte[] data, int offset, int length) {
        synchronized (lock) {
            if (closed || length == 0) {
                return;
            }
            append(data, offset, length);
            if (writing || connection == null) {
                return;
            }
            writing = true;
        }
        drain();
    }

    /** The client ended its output (EOF): the node hears it after the bytes before it. */
    void clientEnded() {
        synchronized (lock) {
            if (clientEnded || closed) {
                return;
            }
            clientEnded = true;
            if (writing || connection == null) {
                return;
            }
            writing = true;
        }
        drain();
    }

    /** The channel is closing: drops what is pending and closes the connection to the node. */
    void close() {
        TunnelConnection open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
            pendingLength = 0;
            open = connection;
        }
        if (open != null) {
            open.close();
        }
    }

    long bytesToNode() {
        return bytesToNode;
    }

    long bytesToClient() {
        return bytesToClient;
    }

    private void append(byte[] data, int offset, int length) {
        int needed = pendingLength + length;
        if (pending == null) {
            pending = new byte[length];
        } else if (pending.length < needed) {
            pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
        }
        System.arraycopy(data, offset, pending, pendingLength, length);
        pendingLength = needed;
    }

    /** Writes pending bytes one write at a time until none are left; the caller has set {@code writing}. */
    private void drain() {
        while (true) {
            ByteBuffer chunk = null;
            TunnelConnection target;
            boolean shutdown = false;
            synchronized (lock) {
                target = connection;
                if (closed) {
                    writing = false;
                    return;
                }
                if (pendingLength > 0) {
                    chunk = ByteBuffer.wrap(pending, 0, pendingLength);
                    pending = null;
                    pendingLength = 0;
                } else {
                    writing = false;
                    if (!clientEnded || outputShut) {
                        return;
                    }
                    outputShut = true;
                    shutdown = true;
                }
            }
            if (shutdown) {
                try {
                    target.shutdownOutput();
                } catch (RuntimeException e) {
                    broken(e);
                    return;
                }
                endedOneWay();
                return;
            }
            int length = chunk.remaining();
            CompletableFuture<Void> written;
            try {
                written = target.write(chunk);
            } catch (RuntimeException e) {
                broken(e);
                return;
            }
            if (!written.isDone()) {
                written.whenComplete((ignored, error) -> {
                    if (error != null) {
                        broken(error);
                    } else {
                        wroteToNode(length);
                        drain();
                    }
                });
                return;
            }
            // completed at once: loop instead of recursing
            try {
                written.join();
            } catch (CompletionException | CancellationException e) {
                broken(e.getCause() != null ? e.getCause() : e);
                return;
            }
            wroteToNode(length);
        }
    }

    private void wroteToNode(int length) {
        bytesToNode += length;
        side.released(length);
    }

    @Override
    public void onData(ByteBuffer data, Runnable consumed) {
        synchronized (lock) {
            sendingToClient = true;
        }
        sendToClient(data, consumed);
    }

    /**
     * Sends the node's bytes as packets the client takes whole, each built in a packet buffer of the session (one copy,
     * from the tunnel's frame); the tunnel hears they were consumed once the last packet is out.
     */
    private void sendToClient(ByteBuffer data, Runnable consumed) {
        int length = Math.min(data.remaining(), Math.max(1, side.clientPacketSize()));
        IoWriteFuture written;
        try {
            Buffer packet = side.packetBuffer(length);
            int start = packet.wpos();
            packet.ensureCapacity(length);
            data.get(packet.array(), start, length);
            packet.wpos(start + length);
            packet.rpos(start);
            written = side.clientOutput().writeBuffer(packet);
        } catch (IOException | RuntimeException e) {
            broken(e);
            return;
        }
        written.addListener(future -> {
            if (!future.isWritten()) {
                broken(future.getException() != null ? future.getException()
                        : new IOException("the channel closed before the node's bytes were sent"));
                return;
            }
            bytesToClient += length;
            if (data.hasRemaining()) {
                sendToClient(data, consumed);
                return;
            }
            boolean ended;
            synchronized (lock) {
                sendingToClient = false;
                ended = nodeEndPending;
            }
            if (ended) {
                nodeFinished();
            }
            try {
                consumed.run();
            } catch (RuntimeException e) {
                broken(e);
            }
        });
    }

    @Override
    public void onEnd() {
        synchronized (lock) {
            if (sendingToClient) {
                nodeEndPending = true; // EOF goes after the bytes still on their way
                return;
            }
        }
        nodeFinished();
    }

    @Override
    public void onError(Throwable cause) {
        broken(cause);
    }

    private void nodeFinished() {
        synchronized (lock) {
            nodeEnded = true;
        }
        side.nodeEnded();
        endedOneWay();
    }

    private void endedOneWay() {
        boolean both;
        synchronized (lock) {
            both = nodeEnded && outputShut;
        }
        if (both && finishedSignalled.compareAndSet(false, true)) {
            side.finished();
        }
    }

    private void broken(Throwable cause) {
        synchronized (lock) {
            if (closed) {
                return; // the channel closed first: nothing to report
            }
        }
        if (brokenSignalled.compareAndSet(false, true)) {
            side.broken(cause);
        }
    }
}
