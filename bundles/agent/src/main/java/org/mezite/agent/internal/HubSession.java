package org.mezite.agent.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.proto.auth.v1.AccessPolicy;
import org.mezite.proto.auth.v1.HeartbeatRequest;
import org.mezite.proto.auth.v1.HeartbeatResponse;
import org.mezite.proto.auth.v1.NodeAuditEvent;
import org.mezite.proto.auth.v1.NodeCredentials;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.mezite.proto.auth.v1.RecordingAck;
import org.mezite.proto.auth.v1.RecordingPart;
import org.mezite.proto.auth.v1.RecordAuditEventsRequest;
import org.mezite.proto.auth.v1.RenewCertificatesRequest;
import org.mezite.proto.auth.v1.WatchAccessPolicyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.grpc.util.AdvancedTlsX509KeyManager;

/**
 * A joined node's link to the hub over mutual TLS: a heartbeat every period (as the hub asks, 10 s by default),
 * certificates renewed once a third of their validity is left, and each change of what the hub answers reported, so
 * that the log says when the hub went away and when it came back, not every few seconds that it is still there.
 */
final class HubSession implements AutoCloseable {

    /** What one heartbeat saw. */
    record Observation(boolean reachable, String text) {
    }

    static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(HubSession.class);
    private static final long CALL_DEADLINE_SECONDS = 10;

    private final HostPort hub;
    private final String nodeName;
    private final IdentityStore store;
    private final Duration fixedPeriod;
    private final Clock clock;
    private final Consumer<Observation> changes;
    private final AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
    private final HubChannel hubChannel;
    private final ManagedChannel channel;
    private final ScheduledExecutorService scheduler;
    // written only on the scheduler's thread
    private volatile NodeIdentity identity;
    private Duration period;
    private Observation last;
    private String lastRenewalFailure;

    private HubSession(HostPort hub, String nodeName, NodeIdentity identity, IdentityStore store,
            Optional<Duration> fixedPeriod, Clock clock, Consumer<Observation> changes) {
        this.hub = hub;
        this.nodeName = nodeName;
        this.identity = identity;
        this.store = store;
        this.fixedPeriod = fixedPeriod.orElse(null);
        this.period = fixedPeriod.orElse(DEFAULT_PERIOD);
        this.clock = clock;
        this.changes = changes;
        install(identity);
        this.hubChannel = HubChannels.forNode(hub, keys, List.of(identity.hostCa()), clock);
        this.channel = hubChannel.channel();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mezd-hub-session");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends a heartbeat now and then every period.
     *
     * @param fixedPeriod a heartbeat period to keep whatever the hub asks (for tests), or empty
     * @param changes     told each observation that differs from the one before, on the session's thread
     */
    static HubSession start(HostPort hub, String nodeName, NodeIdentity identity, IdentityStore store,
            Optional<Duration> fixedPeriod, Clock clock, Consumer<Observation> changes) {
        HubSession session = new HubSession(hub, nodeName, identity, store, fixedPeriod, clock, changes);
        session.scheduler.execute(session::tick);
        return session;
    }

    /** Logs reachability at INFO and its loss at WARN. */
    static void log(Observation observation) {
        if (observation.reachable()) {
            LOG.info(observation.text());
        } else {
            LOG.warn(observation.text());
        }
    }

    private void tick() {
        try {
            if (!clock.instant().isBefore(identity.renewalDue())) {
                renew();
            }
            report(heartbeat());
        } catch (RuntimeException e) {
            LOG.warn("heartbeat to hub {} failed", hub, e);
        } finally {
            try {
                scheduler.schedule(this::tick, period.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closed
            }
        }
    }

    private Observation heartbeat() {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            // don't sit out gRPC's reconnect back-off (up to two minutes): a hub that is back should be seen now
            channel.resetConnectBackoff();
        }
        try {
            HeartbeatResponse answer = stub().heartbeat(HeartbeatRequest.newBuilder()
                    .setNodeId(identity.nodeId()).build());
            if (fixedPeriod == null && answer.getHeartbeatSeconds() > 0) {
                period = Duration.ofSeconds(answer.getHeartbeatSeconds());
            }
            return new Observation(true, "hub " + hub + " reachable: node " + nodeName + " (" + identity.nodeId()
                    + ") online in cluster " + identity.clusterName());
        } catch (StatusRuntimeException e) {
            if (isRefusal(e.getStatus().getCode())) {
                return new Observation(false, "hub " + hub + " refuses node " + nodeName + " ("
                        + identity.nodeId() + "): " + e.getStatus().getDescription() + " (to join again: stop mezd,"
                        + " remove " + store.folder() + " and set a new token)");
            }
            return new Observation(false, "hub " + hub + " unreachable: " + describe(e));
        }
    }

    private void renew() {
        NodeIdentity current = identity;
        try {
            NodeCredentials renewed = stub().renewCertificates(RenewCertificatesRequest.newBuilder()
                    .setNodeId(current.nodeId())
                    .setSshPublicKey(OpenSshKeys.format(current.hostKey().getPublic()))
                    .setTlsPublicKey(OpenSshKeys.format(current.tlsKey().getPublic()))
                    .build());
            List<X509Certificate> chain = Pem.readCertificates(renewed.getTlsCertificateChain());
            X509Certificate hostCa = Pem.readCertificates(renewed.getHostCaCertificate()).get(0);
            if (!chain.get(0).getPublicKey().equals(current.tlsKey().getPublic())
                    || !CaPin.of(hostCa).equals(CaPin.of(current.hostCa()))) {
                throw new CertificateException("the hub certified another key, or answered for another CA");
            }
            NodeIdentity next = current.renewed(renewed.getHostCertificate(),
                    Joiner.instant(renewed.getHostCertificateExpires()), chain, hostCa, renewed.getUserCaPublicKey());
            store.saveCertificates(next);
            install(next);
            identity = next;
            lastRenewalFailure = null;
            LOG.info("node {} renewed its certificates: valid until {}", nodeName,
                    next.tlsCertificate().getNotAfter().toInstant());
        } catch (StatusRuntimeException e) {
            renewalFailed(isRefusal(e.getStatus().getCode()) ? e.getStatus().getDescription() : describe(e));
        } catch (CertificateException | IdentityException e) {
            renewalFailed(e.getMessage());
        }
    }

    private void renewalFailed(String why) {
        if (!Objects.equals(why, lastRenewalFailure)) {
            lastRenewalFailure = why;
            LOG.warn("node {} cannot renew its certificates (they expire at {}), trying again with each heartbeat:"
                    + " {}", nodeName, identity.tlsCertificate().getNotAfter().toInstant(), why);
        }
    }

    private void install(NodeIdentity next) {
        keys.updateIdentityCredentials(next.tlsChain().toArray(X509Certificate[]::new), next.tlsKey().getPrivate());
    }

    private void report(Observation now) {
        if (!now.equals(last)) {
            last = now;
            try {
                changes.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("reporting a hub observation failed", e);
            }
        }
    }

    /** The node's identity with the newest certificates. */
    NodeIdentity identity() {
        return identity;
    }

    /**
     * Sends audit events to Auth, blocking for at most the call deadline.
     *
     * @throws StatusRuntimeException when Auth cannot be reached or refuses them
     */
    void recordAudit(List<NodeAuditEvent> events) {
        stub().recordAuditEvents(RecordAuditEventsRequest.newBuilder().setNodeId(identity.nodeId())
                .addAllEvents(events).build());
    }

    /**
     * Opens the stream of access policies from Auth, without a deadline: it lasts until it fails, Auth ends it or it
     * is cancelled.
     *
     * @return cancels the stream
     */
    Runnable watchAccessPolicy(StreamObserver<AccessPolicy> observer) {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff(); // a hub that is back should be seen now, not after gRPC's back-off
        }
        ClientCall<WatchAccessPolicyRequest, AccessPolicy> call = channel.newCall(
                NodeServiceGrpc.getWatchAccessPolicyMethod(), CallOptions.DEFAULT);
        ClientCalls.asyncServerStreamingCall(call, WatchAccessPolicyRequest.newBuilder()
                .setNodeId(identity.nodeId()).build(), observer);
        return () -> call.cancel("mezd stops watching the access policy", null);
    }

    /**
     * Opens a recording upload to Auth, without a deadline: in {@code node-sync} it lasts as long as the session.
     *
     * @return where to send the recording's parts
     */
    StreamObserver<RecordingPart> uploadRecording(StreamObserver<RecordingAck> acks) {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff(); // a hub that is back should be seen now, not after gRPC's back-off
        }
        return NodeServiceGrpc.newStub(channel).uploadRecording(acks);
    }

    private NodeServiceGrpc.NodeServiceBlockingStub stub() {
        return NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** The hub answered and said no: the node was removed, or its certificate is no longer good. */
    private static boolean isRefusal(Status.Code code) {
        return code == Status.Code.NOT_FOUND || code == Status.Code.PERMISSION_DENIED
                || code == Status.Code.UNAUTHENTICATED;
    }

    /** The status, its description and the root cause: what the operator needs to see why the hub is away. */
    static String describe(StatusRuntimeException e) {
        StringBuilder text = new StringBuilder(e.getStatus().getCode().name());
        if (e.getStatus().getDescription() != null) {
            text.append(": ").append(e.getStatus().getDescription());
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause != null && cause.getMessage() != null) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hubChannel.close();
        }
    }
}
