package org.mezite.tunnel.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelException;
import org.mezite.api.tunnel.TunnelReceiver;
import org.mezite.proto.tunnel.v1.DataFrame;
import org.mezite.proto.tunnel.v1.DataOpen;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One dialled connection on the proxy's side: a Data stream that an agent opened, answering a dial.
 *
 * <p>Toward the node, {@link #write} hands the bytes to gRPC, which copies them into its own buffers before
 * {@code onNext} returns (the caller may reuse its buffer at once), and completes when the stream is ready for more.
 * From the node, the stream asks gRPC for one frame at a time and only after the receiver said it consumed the last,
 * so a slow receiver leaves the bytes in the stream's HTTP/2 window and the agent stops reading from the node's SSH
 * server: back-pressure for this connection only.
 *
 * <p>The agent ends its direction by half-closing the stream ({@link TunnelReceiver#onEnd}); the proxy ends its own
 * with {@link DataPath#END} and closes the call once both directions have ended.
 */
final class ProxyConnection implements TunnelConnection, StreamObserver<DataFrame> {

    private final Tunnels tunnels;
    private final String nodeId;
    private final ServerCallStreamObserver<DataFrame> out;
    private final Runnable requestNext;
    private final Object sendLock = new Object();
    // guarded by sendLock
    private CompletableFuture<Void> pendingWrite;
    private boolean outputEnded;
    private boolean inputEnded;
    private volatile boolean closed;
    // only touched by gRPC's serialized callbacks
    private boolean opened;
    private volatile ProxyTunnel tunnel;
    // set once, under this; what happened before start() too
    private volatile TunnelReceiver receiver;
    private boolean endedEarly;
    private Throwable brokeEarly;

    ProxyConnection(Tunnels tunnels, String nodeId, ServerCallStreamObserver<DataFrame> out) {
        this.tunnels = tunnels;
        this.nodeId = nodeId;
        this.out = out;
        this.requestNext = () -> out.request(1);
        out.setOnReadyHandler(this::ready);
        out.setOnCancelHandler(() -> broke("the agent cancelled it or the network went away"));
        out.setOnReadyThreshold(DataPath.ON_READY_THRESHOLD);
    }

    // ---- from the agent

    @Override
    public void onNext(DataFrame frame) {
        if (!opened) {
            opened = true;
            open(frame);
            return;
        }
        if (frame.getFrameCase() != DataFrame.FrameCase.DATA || closed) {
            if (frame.hasOpen()) {
                abort(Status.INVALID_ARGUMENT, "a data stream opens only once");
            }
            out.request(1);
            return;
        }
        ByteString data = frame.getData();
        if (data.isEmpty()) {
            out.request(1);
            return;
        }
        // requestNext is shared by every frame: gRPC counts the requests, so a receiver must run it once per frame
        receiver.onData(data.asReadOnlyByteBuffer(), requestNext);
    }

    private void open(DataFrame frame) {
        if (!frame.hasOpen()) {
            abort(Status.INVALID_ARGUMENT, "the first frame of a data stream must be a DataOpen");
            return;
        }
        DataOpen open = frame.getOpen();
        if (!open.getNodeId().equals(nodeId)) {
            abort(Status.PERMISSION_DENIED, "the data stream names node " + open.getNodeId()
                    + ", but the client certificate is node " + nodeId + "'s");
            return;
        }
        PendingDial dial = tunnels.claim(nodeId, open.getConnectionId());
        if (dial == null) {
            abort(Status.NOT_FOUND, "no dial " + open.getConnectionId() + " of node " + nodeId
                    + " is waiting (it timed out or was answered already)");
            return;
        }
        tunnel = dial.tunnel();
        if (!tunnel.attach(this)) {
            abort(Status.UNAVAILABLE, "the tunnel closed before the connection opened");
            dial.result().completeExceptionally(new TunnelException("the tunnel to " + tunnel.describe()
                    + " closed before the connection opened"));
            return;
        }
        if (!dial.result().complete(this)) {
            abort(Status.CANCELLED, "the proxy gave up the dial");
        }
    }

    @Override
    public void onError(Throwable t) {
        broke("the connection broke: " + Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
        boolean both;
        synchronized (sendLock) {
            if (closed) {
                return;
            }
            inputEnded = true;
            both = outputEnded;
            if (both) {
                closed = true;
                out.onCompleted();
            }
        }
        if (both) {
            detach();
        }
        TunnelReceiver target;
        synchronized (this) {
            target = receiver;
            if (target == null) {
                endedEarly = true;
                return;
            }
        }
        target.onEnd();
    }

    // ---- TunnelConnection, toward the agent

    @Override
    public void start(TunnelReceiver receiver) {
        boolean ended;
        Throwable broken;
        synchronized (this) {
            if (this.receiver != null) {
                throw new IllegalStateException("the connection to node " + nodeId + " was started already");
            }
            this.receiver = receiver;
            ended = endedEarly;
            broken = brokeEarly;
        }
        if (broken != null) {
            receiver.onError(broken);
        } else if (ended) {
            receiver.onEnd();
        } else {
            out.request(1);
        }
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer data) {
        synchronized (sendLock) {
            if (closed || outputEnded) {
                return CompletableFuture.failedFuture(new TunnelException("the connection to node " + nodeId
                        + (closed ? " is closed" : " has ended its output")));
            }
            int position = data.position();
            int end = data.limit();
            while (end - position > DataPath.MAX_CHUNK) {
                send(data.slice(position, DataPath.MAX_CHUNK));
                position += DataPath.MAX_CHUNK;
            }
            if (end > position) {
                send(data.slice(position, end - position));
            }
            if (out.isReady()) {
                return CompletableFuture.completedFuture(null);
            }
            pendingWrite = new CompletableFuture<>();
            return pendingWrite;
        }
    }

    private void send(ByteBuffer chunk) {
        out.onNext(DataFrame.newBuilder().setData(UnsafeByteOperations.unsafeWrap(chunk)).build());
    }

    private void ready() {
        CompletableFuture<Void> waiting;
        synchronized (sendLock) {
            waiting = pendingWrite;
            if (waiting == null || !out.isReady()) {
                return;
            }
            pendingWrite = null;
        }
        waiting.complete(null);
    }

    @Override
    public void shutdownOutput() {
        boolean both;
        synchronized (sendLock) {
            if (closed || outputEnded) {
                return;
            }
            outputEnded = true;
            out.onNext(DataPath.END);
            both = inputEnded;
            if (both) {
                closed = true;
                out.onCompleted();
            }
        }
        if (both) {
            detach();
        }
    }

    @Override
    public void close() {
        abort(Status.CANCELLED, "the proxy closed the connection");
    }

    /** Aborts both directions and tells the receiver, for a tunnel that ended under it. */
    void abort(String why) {
        if (abort(Status.UNAVAILABLE, why)) {
            deliverError(new TunnelException(why));
        }
    }

    /** Closes the call with an error status; false when it was closed already. */
    private boolean abort(Status status, String why) {
        CompletableFuture<Void> waiting;
        synchronized (sendLock) {
            if (closed) {
                return false;
            }
            closed = true;
            waiting = pendingWrite;
            pendingWrite = null;
            if (!out.isCancelled()) {
                try {
                    out.onError(status.withDescription(why).asRuntimeException());
                } catch (RuntimeException e) {
                    // cancelled meanwhile
                }
            }
        }
        if (waiting != null) {
            waiting.completeExceptionally(new TunnelException(why));
        }
        detach();
        return true;
    }

    /** The call ended under us: cancelled by the agent or the transport. */
    private void broke(String why) {
        CompletableFuture<Void> waiting;
        synchronized (sendLock) {
            if (closed) {
                return;
            }
            closed = true;
            waiting = pendingWrite;
            pendingWrite = null;
        }
        TunnelException cause = new TunnelException("the connection to node " + nodeId + " broke: " + why);
        if (waiting != null) {
            waiting.completeExceptionally(cause);
        }
        detach();
        deliverError(cause);
    }

    private void deliverError(TunnelException cause) {
        TunnelReceiver target;
        synchronized (this) {
            target = receiver;
            if (target == null) {
                brokeEarly = cause;
                return;
            }
        }
        target.onError(cause);
    }

    private void detach() {
        ProxyTunnel attached = tunnel;
        if (attached != null) {
            attached.detach(this);
        }
    }
}
