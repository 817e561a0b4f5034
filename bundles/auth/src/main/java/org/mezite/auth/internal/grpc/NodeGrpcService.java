package org.mezite.auth.internal.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.auth.internal.join.Enrollment;
import org.mezite.auth.internal.join.JoinApplication;
import org.mezite.auth.internal.join.JoinRefusedException;
import org.mezite.auth.internal.join.NodeCertificates;
import org.mezite.auth.internal.join.NodeEnrollment;
import org.mezite.proto.auth.v1.HeartbeatRequest;
import org.mezite.proto.auth.v1.HeartbeatResponse;
import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeAuditEvent;
import org.mezite.proto.auth.v1.NodeCredentials;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.mezite.proto.auth.v1.RecordAuditEventsRequest;
import org.mezite.proto.auth.v1.RecordAuditEventsResponse;
import org.mezite.proto.auth.v1.RecordingAck;
import org.mezite.proto.auth.v1.RecordingPart;
import org.mezite.proto.auth.v1.RenewCertificatesRequest;
import org.mezite.proto.auth.v1.WatchAccessPolicyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Timestamp;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * {@code mezite.auth.v1.NodeService}: the wire side of {@link NodeEnrollment}. Refusals become statuses whose
 * description the agent prints as it is: PERMISSION_DENIED for a token that cannot be used or a certificate of
 * another node, INVALID_ARGUMENT for a bad request field, NOT_FOUND for a node that was removed. It also streams
 * the access policy to the agents that watch it, until they stop or {@link #close()} ends their streams.
 */
final class NodeGrpcService extends NodeServiceGrpc.NodeServiceImplBase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeGrpcService.class);

    private final NodeEnrollment enrollment;
    private final AccessPolicySource policies;
    private final Clock clock;
    private final Supplier<Recordings> recordings;
    private final Set<AccessPolicyStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService modeWatch;
    private volatile boolean closed;

    NodeGrpcService(NodeEnrollment enrollment, AccessPolicySource policies, Clock clock) {
        this(enrollment, policies, () -> null, clock);
    }

    NodeGrpcService(NodeEnrollment enrollment, AccessPolicySource policies, Supplier<Recordings> recordings,
            Clock clock) {
        this.enrollment = enrollment;
        this.policies = policies;
        this.recordings = recordings;
        this.clock = clock;
        this.modeWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mezite-recording-mode-watch");
            thread.setDaemon(true);
            return thread;
        });
        // the mode lives in the recording configuration, not in the policy: a change goes out within two seconds
        modeWatch.scheduleWithFixedDelay(this::resendOnModeChange, 2, 2, TimeUnit.SECONDS);
    }

    /** The cluster's recording mode as agents are told it: {@code node} while no recordings service runs. */
    String recordingMode() {
        Recordings service = recordings.get();
        return service == null ? RecordingMode.NODE.text() : service.mode().text();
    }

    private void resendOnModeChange() {
        try {
            String mode = recordingMode();
            for (AccessPolicyStream stream : streams) {
                stream.recordingMode(mode);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot tell agents the recording mode: {}", e.toString());
        }
    }

    @Override
    public StreamObserver<RecordingPart> uploadRecording(StreamObserver<RecordingAck> response) {
        return new RecordingUploadCall(recordings, NodeGrpcService::requireNode, response);
    }

    @Override
    public void join(JoinRequest request, StreamObserver<JoinResponse> response) {
        String clientAddress = ClientCertificateInterceptor.CLIENT_ADDRESS.get();
        answer(response, "join", () -> {
            Enrollment enrolled = enrollment.join(new JoinApplication(request.getToken(), request.getNodeName(),
                    request.getLabelsMap(), request.getSshPublicKey(), request.getTlsPublicKey(),
                    request.getVersion(), clientAddress));
            LOG.info("node {} ({}) joined from {}", request.getNodeName(), enrolled.nodeId(), clientAddress);
            return JoinResponse.newBuilder()
                    .setNodeId(enrolled.nodeId())
                    .setClusterName(enrolled.clusterName())
                    .setCredentials(credentials(enrolled.certificates()))
                    .setHeartbeatSeconds((int) enrolled.heartbeatInterval().toSeconds())
                    .build();
        });
    }

    @Override
    public void heartbeat(HeartbeatRequest request, StreamObserver<HeartbeatResponse> response) {
        answer(response, "heartbeat", () -> {
            String nodeId = requireNode(request.getNodeId());
            enrollment.heartbeat(nodeId);
            return HeartbeatResponse.newBuilder().setServerTime(timestamp(clock.instant()))
                    .setHeartbeatSeconds((int) enrollment.heartbeatInterval().toSeconds()).build();
        });
    }

    @Override
    public void renewCertificates(RenewCertificatesRequest request, StreamObserver<NodeCredentials> response) {
        String clientAddress = ClientCertificateInterceptor.CLIENT_ADDRESS.get();
        answer(response, "certificate renewal", () -> {
            String nodeId = requireNode(request.getNodeId());
            NodeCertificates certificates = enrollment.renew(nodeId, request.getSshPublicKey(),
                    request.getTlsPublicKey(), clientAddress);
            LOG.info("node {} renewed its certificates", nodeId);
            return credentials(certificates);
        });
    }

    @Override
    public void recordAuditEvents(RecordAuditEventsRequest request,
            StreamObserver<RecordAuditEventsResponse> response) {
        answer(response, "audit", () -> {
            String nodeId = requireNode(request.getNodeId());
            List<NewAuditEvent> events = new ArrayList<>(request.getEventsCount());
            for (NodeAuditEvent event : request.getEventsList()) {
                events.add(event(event));
            }
            return RecordAuditEventsResponse.newBuilder().setStored(enrollment.recordAudit(nodeId, events)).build();
        });
    }

    @Override
    public void watchAccessPolicy(WatchAccessPolicyRequest request,
            StreamObserver<org.mezite.proto.auth.v1.AccessPolicy> response) {
        String nodeId;
        try {
            nodeId = requireNode(request.getNodeId());
            enrollment.requireRegistered(nodeId);
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (NotFoundException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            LOG.error("access policy watch failed", e);
            response.onError(Status.INTERNAL.withDescription("access policy watch failed on the Auth server: "
                    + e.getMessage()).asRuntimeException());
            return;
        }
        if (closed) {
            response.onError(Status.UNAVAILABLE.withDescription("the Auth server is stopping").asRuntimeException());
            return;
        }
        AccessPolicyStream stream = AccessPolicyStream.open(nodeId,
                (ServerCallStreamObserver<org.mezite.proto.auth.v1.AccessPolicy>) response, policies, this::recordingMode,
                streams::remove);
        streams.add(stream);
        if (stream.hasEnded()) {
            streams.remove(stream);
        } else if (closed) {
            stream.stop(Status.UNAVAILABLE.withDescription("the Auth server is stopping"));
        }
        LOG.debug("node {} watches the access policy", nodeId);
    }

    /**
     * Ends the access policy streams with UNAVAILABLE, which agents take as a cue to reconnect: they would otherwise
     * hold the server's shutdown for its whole grace period.
     */
    @Override
    public void close() {
        closed = true;
        modeWatch.shutdownNow();
        for (AccessPolicyStream stream : List.copyOf(streams)) {
            stream.stop(Status.UNAVAILABLE.withDescription("the Auth server is stopping"));
        }
    }

    private NewAuditEvent event(NodeAuditEvent event) {
        if (event.getType().isEmpty() || event.getResult().isEmpty()) {
            throw new IllegalArgumentException("an audit event needs a type and a result");
        }
        return new NewAuditEvent(event.hasTime() ? Instant.ofEpochSecond(event.getTime().getSeconds(),
                event.getTime().getNanos()) : clock.instant(), event.getType(), blankToNull(event.getCode()),
                blankToNull(event.getUsername()), blankToNull(event.getLogin()), null,
                blankToNull(event.getSessionId()), blankToNull(event.getClientAddr()),
                blankToNull(event.getResource()), blankToNull(event.getAction()), event.getResult(),
                event.getMetadata());
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The node id of the request, when the caller's certificate is that node's. */
    static String requireNode(String nodeId) {
        PeerIdentity peer = ClientCertificateInterceptor.PEER.get();
        if (peer == null || !peer.isNode(nodeId, NodeEnrollment.NODE_ORGANIZATION)) {
            throw Status.PERMISSION_DENIED.withDescription("the client certificate is " + peer
                    + ", not the one of node " + nodeId).asRuntimeException();
        }
        return nodeId;
    }

    private static NodeCredentials credentials(NodeCertificates certificates) {
        return NodeCredentials.newBuilder()
                .setHostCertificate(certificates.host().authorizedKey())
                .setHostCertificateExpires(timestamp(certificates.host().validBefore()))
                .setTlsCertificateChain(certificates.tls().chainPem())
                .setTlsCertificateExpires(timestamp(certificates.tls().certificate().getNotAfter().toInstant()))
                .setUserCaPublicKey(certificates.userCaPublicKey())
                .setHostCaCertificate(certificates.hostCaPem())
                .build();
    }

    private interface Call<T> {
        T run();
    }

    private static <T> void answer(StreamObserver<T> response, String what, Call<T> call) {
        T result;
        try {
            result = call.run();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (NotFoundException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (JoinRefusedException e) {
            response.onError(Status.PERMISSION_DENIED.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            LOG.error("{} failed", what, e);
            response.onError(Status.INTERNAL.withDescription(what + " failed on the Auth server: "
                    + e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    private static Timestamp timestamp(Instant instant) {
        return AccessPolicyMessages.timestamp(instant);
    }
}
