package org.mezite.auth.internal.grpc;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.mezite.api.recording.RecordingSinkUnavailableException;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.StoreException;
import org.mezite.proto.auth.v1.RecordingAck;
import org.mezite.proto.auth.v1.RecordingPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * One {@code UploadRecording} call: a start naming the session (and the calling node, checked against its client
 * certificate), the bytes from the offset Auth acknowledged, an end. The hub's {@link Recordings} keeps what arrived
 * when the call breaks, so the agent goes on from there next time. Refusals end the call with a status the agent acts
 * on: UNAVAILABLE (try again later: no sink, no recordings service, the sink failed), FAILED_PRECONDITION (offsets),
 * PERMISSION_DENIED (another node's recording), INVALID_ARGUMENT (not a recording of that session).
 * <p>
 * gRPC hands this observer one message at a time and asks the agent for the next only once it returns, so a large
 * upload is paced by how fast the bytes reach the staging on disk: HTTP/2 flow control holds the agent back, nothing
 * is buffered here. gRPC also serializes the calls into this observer, so it needs no locking of its own.
 */
final class RecordingUploadCall implements StreamObserver<RecordingPart> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingUploadCall.class);

    private final Supplier<Recordings> recordings;
    private final Function<String, String> requireNode;
    private final StreamObserver<RecordingAck> response;
    private String nodeId;
    private String sessionId;
    private boolean ended;

    RecordingUploadCall(Supplier<Recordings> recordings, Function<String, String> requireNode,
            StreamObserver<RecordingAck> response) {
        this.recordings = recordings;
        this.requireNode = requireNode;
        this.response = response;
    }

    @Override
    public void onNext(RecordingPart part) {
        if (ended) {
            return;
        }
        try {
            switch (part.getPartCase()) {
                case START -> start(part.getStart().getNodeId(), part.getStart().getSessionId());
                case DATA -> service().append(started(), sessionId, part.getData().getOffset(),
                        part.getData().getData().toByteArray());
                case END -> finish(part.getEnd().getSize(), part.getEnd().getComplete());
                default -> throw new IllegalArgumentException("a recording part needs a start, data or an end");
            }
        } catch (StatusRuntimeException e) {
            fail(e.getStatus());
        } catch (IllegalArgumentException e) {
            fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        } catch (IllegalStateException e) {
            fail(Status.FAILED_PRECONDITION.withDescription(e.getMessage()));
        } catch (SecurityException e) {
            fail(Status.PERMISSION_DENIED.withDescription(e.getMessage()));
        } catch (RecordingSinkUnavailableException e) {
            fail(Status.UNAVAILABLE.withDescription(e.getMessage()));
        } catch (IOException | StoreException e) {
            // the disk, the sink or the database: the agent keeps its spool and tries again later
            LOG.warn("recording of session {} from node {}: {}", sessionId, nodeId, e.toString());
            fail(Status.UNAVAILABLE.withDescription("the Auth server cannot keep the recording right now: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("recording of session {} from node {} failed", sessionId, nodeId, e);
            fail(Status.INTERNAL.withDescription("the recording upload failed on the Auth server: " + e));
        }
    }

    private void start(String node, String session) throws IOException {
        if (nodeId != null) {
            throw new IllegalArgumentException("the recording upload has started already");
        }
        String caller = requireNode.apply(node);
        long received = service().receive(caller, session);
        nodeId = caller;
        sessionId = session;
        response.onNext(RecordingAck.newBuilder().setReceived(received).build());
    }

    private void finish(long size, boolean complete) throws IOException {
        service().finish(started(), sessionId, size, complete);
        ended = true;
        response.onNext(RecordingAck.newBuilder().setReceived(size).setStored(true).build());
        response.onCompleted();
    }

    private String started() {
        if (nodeId == null) {
            throw new IllegalArgumentException("a recording upload starts with the session it is of");
        }
        return nodeId;
    }

    private Recordings service() {
        Recordings service = recordings.get();
        if (service == null) {
            throw Status.UNAVAILABLE.withDescription("recordings are not available on this Auth server right now")
                    .asRuntimeException();
        }
        return service;
    }

    private void fail(Status status) {
        ended = true;
        response.onError(status.asRuntimeException());
    }

    @Override
    public void onError(Throwable error) {
        ended = true;
        LOG.debug("node {} stopped sending the recording of session {}: {}", nodeId, sessionId, error.toString());
    }

    @Override
    public void onCompleted() {
        if (!ended) {
            ended = true;
            response.onCompleted(); // the agent stopped before the end: what arrived stays staged
        }
    }
}
