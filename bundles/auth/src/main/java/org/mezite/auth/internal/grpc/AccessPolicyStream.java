package org.mezite.auth.internal.grpc;

import java.util.function.Supplier;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * One node's {@code WatchAccessPolicy} stream: the policy at once, then each new revision, for as long as the node
 * listens. A node that reads slowly is not buffered for: while the stream is not ready only the latest policy waits,
 * and it goes out as soon as the stream is ready again; a policy replaces the older ones entirely, so nothing is lost.
 * The subscription to the policy source ends when the node cancels or the server stops the stream.
 */
final class AccessPolicyStream {

    /** Told when a stream ends, so that its owner forgets it. */
    interface Owner {
        void ended(AccessPolicyStream stream);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AccessPolicyStream.class);

    private final String nodeId;
    private final ServerCallStreamObserver<org.mezite.proto.auth.v1.AccessPolicy> observer;
    private final Owner owner;
    private final Supplier<String> recordingMode;

    // guarded by this
    private org.mezite.proto.auth.v1.AccessPolicy pending;
    private boolean anyQueued;
    private long queuedRevision;
    private boolean ended;
    private AutoCloseable subscription;
    private org.mezite.proto.auth.v1.AccessPolicy last;

    private AccessPolicyStream(String nodeId, ServerCallStreamObserver<org.mezite.proto.auth.v1.AccessPolicy> observer,
            Supplier<String> recordingMode, Owner owner) {
        this.nodeId = nodeId;
        this.observer = observer;
        this.recordingMode = recordingMode;
        this.owner = owner;
    }

    /**
     * Starts streaming to the node. Must run within the call's method, where gRPC takes the stream's handlers.
     *
     * @param owner told when the stream ends; it may have ended before this returns
     */
    static AccessPolicyStream open(String nodeId,
            ServerCallStreamObserver<org.mezite.proto.auth.v1.AccessPolicy> observer, AccessPolicySource source,
            Supplier<String> recordingMode, Owner owner) {
        AccessPolicyStream stream = new AccessPolicyStream(nodeId, observer, recordingMode, owner);
        observer.setOnCancelHandler(stream::cancelled);
        observer.setOnReadyHandler(stream::drain);
        AutoCloseable subscription;
        try {
            subscription = source.subscribe(stream::offer);
        } catch (RuntimeException e) {
            LOG.error("cannot follow the access policy for node {}", nodeId, e);
            stream.stop(Status.UNAVAILABLE.withDescription("the access policy is not available on this Auth server"
                    + " right now: " + e.getMessage()));
            return stream;
        }
        boolean endedMeanwhile;
        synchronized (stream) {
            stream.subscription = subscription;
            endedMeanwhile = stream.ended;
        }
        if (endedMeanwhile) {
            close(subscription, nodeId);
        }
        return stream;
    }

    String nodeId() {
        return nodeId;
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    /** A policy from the source: it replaces whatever still waits to be sent; a repeat of the last one is skipped. */
    void offer(AccessPolicy policy) {
        org.mezite.proto.auth.v1.AccessPolicy message = AccessPolicyMessages.toMessage(policy).toBuilder()
                .setRecordingMode(recordingMode.get()).build();
        synchronized (this) {
            if (ended || anyQueued && queuedRevision == policy.revision()) {
                return;
            }
            last = message;
            pending = message;
            anyQueued = true;
            queuedRevision = policy.revision();
        }
        drain();
    }

    /** The recording mode changed (or not): the last policy goes out again with it when it did. */
    void recordingMode(String mode) {
        synchronized (this) {
            if (ended || last == null || last.getRecordingMode().equals(mode)) {
                return;
            }
            last = last.toBuilder().setRecordingMode(mode).build();
            pending = last;
        }
        drain();
    }

    /** Sends what waits, if the stream takes it now; called again by gRPC when the stream becomes ready. */
    synchronized void drain() {
        while (!ended && pending != null && observer.isReady()) {
            org.mezite.proto.auth.v1.AccessPolicy next = pending;
            pending = null;
            observer.onNext(next);
        }
    }

    /** Ends the stream from the server's side with this status, e.g. when Auth stops. */
    void stop(Status status) {
        AutoCloseable toClose;
        synchronized (this) {
            if (ended) {
                return;
            }
            end();
            toClose = subscription;
            observer.onError(status.asRuntimeException());
        }
        close(toClose, nodeId);
        owner.ended(this);
    }

    private void cancelled() {
        AutoCloseable toClose;
        synchronized (this) {
            if (ended) {
                return;
            }
            end();
            toClose = subscription;
        }
        LOG.debug("node {} stopped watching the access policy", nodeId);
        close(toClose, nodeId);
        owner.ended(this);
    }

    private void end() {
        ended = true;
        pending = null;
    }

    private static void close(AutoCloseable subscription, String nodeId) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("cannot end the access policy subscription of node {}: {}", nodeId, e.toString());
        }
    }
}
