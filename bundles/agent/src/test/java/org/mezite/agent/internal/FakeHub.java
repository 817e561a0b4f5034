package org.mezite.agent.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;
import org.mezite.proto.auth.v1.AccessPolicy;
import org.mezite.proto.auth.v1.HeartbeatRequest;
import org.mezite.proto.auth.v1.HeartbeatResponse;
import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeCredentials;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.mezite.proto.auth.v1.RecordingAck;
import org.mezite.proto.auth.v1.RecordingPart;
import org.mezite.proto.auth.v1.RenewCertificatesRequest;
import org.mezite.proto.auth.v1.WatchAccessPolicyRequest;

import com.google.protobuf.Timestamp;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * Auth's NodeService as the agent sees it, with real certificates from a test CA: one valid token, heartbeats,
 * renewals and access policy streams recorded with the client certificate they came with, and recordings received
 * like Auth does (staged across streams and restarts of the server, stored on a matching end).
 */
final class FakeHub implements AutoCloseable {

    static final String CLUSTER = "agent-test";
    static final String TOKEN = "ab".repeat(32);

    /** A heartbeat as it arrived: the node id asked for and the client certificate's subject. */
    record Heartbeat(String nodeId, String peer) {
    }

    private static final Context.Key<SSLSession> SESSION = Context.key("tls-session");

    final CertificateAuthorityService ca;
    final BlockingQueue<Heartbeat> heartbeats = new LinkedBlockingQueue<>();
    final BlockingQueue<String> renewals = new LinkedBlockingQueue<>();
    /** Each access policy stream opened: the node id asked for and the client certificate's subject. */
    final BlockingQueue<Heartbeat> watches = new LinkedBlockingQueue<>();
    private final Set<StreamObserver<AccessPolicy>> watchers = new CopyOnWriteArraySet<>();

    /** A recording as the fake Auth holds it. */
    static final class Recording {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** How much each upload stream found already there. */
        final List<Long> resumedFrom = new CopyOnWriteArrayList<>();
        volatile Boolean complete;

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized long size() {
            return bytes.size();
        }

        synchronized void append(byte[] data) {
            bytes.writeBytes(data);
        }
    }

    /** Recordings received, by session id: kept while the server stops and listens again. */
    final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    /** Session ids as their recording is stored. */
    final BlockingQueue<String> stored = new LinkedBlockingQueue<>();
    /** Answer this many ends with UNAVAILABLE (no recording sink). */
    final AtomicInteger unavailableEnds = new AtomicInteger();
    /** Answer this many ends with FAILED_PRECONDITION (a size that does not match). */
    final AtomicInteger disputedEnds = new AtomicInteger();
    /** Answer every upload's start with this, when set. */
    volatile Status uploadRefusal;
    private AccessPolicy policy;
    private final TlsIdentity serverIdentity;
    private volatile boolean tokenUsed;
    private volatile Status heartbeatRefusal;
    private Server server;
    private int port;

    FakeHub(CertificateAuthorityService ca, TlsIdentity serverIdentity) {
        this.ca = ca;
        this.serverIdentity = serverIdentity;
    }

    static FakeHub start() throws IOException {
        CertificateAuthorityService ca = TestCa.of(CLUSTER);
        FakeHub hub = new FakeHub(ca, TestCa.server(ca, Set.of(TlsUsage.SERVER)));
        hub.listen(0);
        return hub;
    }

    int port() {
        return port;
    }

    HostPort address() {
        return new HostPort("127.0.0.1", port);
    }

    CaPin pin() {
        return CaPin.of(ca.authority(CaType.HOST).certificate());
    }

    /** Answers heartbeats with this status from now on; {@code null} for OK. */
    void refuseHeartbeats(Status status) {
        heartbeatRefusal = status;
    }

    /** Sends the policy on every open stream, and as the first message of every stream opened from now on. */
    synchronized void publishPolicy(AccessPolicy next) {
        policy = next;
        watchers.forEach(watcher -> watcher.onNext(next));
    }

    void listen(int listenPort) throws IOException {
        SslContextBuilder tls = GrpcSslContexts.configure(SslContextBuilder.forServer(serverIdentity.privateKey(),
                serverIdentity.certificate().chain().toArray(X509Certificate[]::new)), SslProvider.JDK)
                .trustManager(ca.authority(CaType.HOST).certificate())
                .clientAuth(ClientAuth.OPTIONAL);
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", listenPort))
                .withOption(ChannelOption.SO_REUSEADDR, true)
                .sslContext(tls.build())
                .intercept(new ServerInterceptor() {
                    @Override
                    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                            ServerCallHandler<Q, R> next) {
                        return Contexts.interceptCall(Context.current().withValue(SESSION,
                                call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)), call, headers, next);
                    }
                })
                .addService(new NodeService())
                .build().start();
        port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    void stop() throws InterruptedException {
        watchers.clear();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private NodeCredentials credentials(String nodeId, String name, String sshKey, String tlsKey) {
        SshCertificate host = ca.sign(new HostCertificateRequest(sshKey, nodeId, name, List.of(), Duration.ofHours(1)));
        IssuedX509Certificate tls = ca.issue(tlsKey, new X509CertificateRequest(CaType.HOST, nodeId,
                List.of("node"), List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));
        return NodeCredentials.newBuilder()
                .setHostCertificate(host.authorizedKey())
                .setHostCertificateExpires(timestamp(host.validBefore()))
                .setTlsCertificateChain(tls.chainPem())
                .setTlsCertificateExpires(timestamp(tls.certificate().getNotAfter().toInstant()))
                .setUserCaPublicKey(ca.authority(CaType.USER).authorizedKey())
                .setHostCaCertificate(ca.authority(CaType.HOST).certificatePem())
                .build();
    }

    private static String peer() {
        SSLSession session = SESSION.get();
        try {
            return session == null ? null
                    : ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private final class NodeService extends NodeServiceGrpc.NodeServiceImplBase {

        @Override
        public void join(JoinRequest request, StreamObserver<JoinResponse> response) {
            if (!TOKEN.equals(request.getToken())) {
                response.onError(Status.PERMISSION_DENIED.withDescription("unknown join token").asRuntimeException());
                return;
            }
            if (tokenUsed) {
                response.onError(Status.PERMISSION_DENIED.withDescription("join token already used")
                        .asRuntimeException());
                return;
            }
            tokenUsed = true;
            String nodeId = "node-id-1";
            response.onNext(JoinResponse.newBuilder().setNodeId(nodeId).setClusterName(CLUSTER)
                    .setHeartbeatSeconds(10)
                    .setCredentials(credentials(nodeId, request.getNodeName(), request.getSshPublicKey(),
                            request.getTlsPublicKey()))
                    .build());
            response.onCompleted();
        }

        @Override
        public void heartbeat(HeartbeatRequest request, StreamObserver<HeartbeatResponse> response) {
            heartbeats.add(new Heartbeat(request.getNodeId(), peer()));
            Status refusal = heartbeatRefusal;
            if (refusal != null) {
                response.onError(refusal.asRuntimeException());
                return;
            }
            response.onNext(HeartbeatResponse.newBuilder().setHeartbeatSeconds(10).build());
            response.onCompleted();
        }

        @Override
        public void watchAccessPolicy(WatchAccessPolicyRequest request, StreamObserver<AccessPolicy> response) {
            String peer = peer();
            watches.add(new Heartbeat(request.getNodeId(), peer));
            if (peer == null) {
                response.onError(Status.UNAUTHENTICATED.withDescription("no client certificate").asRuntimeException());
                return;
            }
            ((ServerCallStreamObserver<AccessPolicy>) response).setOnCancelHandler(() -> watchers.remove(response));
            synchronized (FakeHub.this) {
                watchers.add(response);
                if (policy != null) {
                    response.onNext(policy);
                }
            }
        }

        @Override
        public StreamObserver<RecordingPart> uploadRecording(StreamObserver<RecordingAck> response) {
            String peer = peer();
            return new StreamObserver<>() {
                private Recording recording;
                private String session;
                private boolean over;

                @Override
                public void onNext(RecordingPart part) {
                    if (over) {
                        return;
                    }
                    switch (part.getPartCase()) {
                        case START -> {
                            Status refusal = uploadRefusal;
                            if (peer == null || refusal != null) {
                                fail(refusal != null ? refusal : Status.UNAUTHENTICATED);
                                return;
                            }
                            session = part.getStart().getSessionId();
                            recording = recordings.computeIfAbsent(session, id -> new Recording());
                            recording.resumedFrom.add(recording.size());
                            response.onNext(RecordingAck.newBuilder().setReceived(recording.size()).build());
                        }
                        case DATA -> {
                            if (recording == null || part.getData().getOffset() != recording.size()) {
                                fail(Status.FAILED_PRECONDITION.withDescription("offset "
                                        + part.getData().getOffset() + " does not follow on"));
                                return;
                            }
                            recording.append(part.getData().getData().toByteArray());
                        }
                        case END -> {
                            if (unavailableEnds.getAndDecrement() > 0) {
                                fail(Status.UNAVAILABLE.withDescription("no recording sink is installed"));
                                return;
                            }
                            if (recording == null || part.getEnd().getSize() != recording.size()
                                    || disputedEnds.getAndDecrement() > 0) {
                                fail(Status.FAILED_PRECONDITION.withDescription("size does not match"));
                                return;
                            }
                            recording.complete = part.getEnd().getComplete();
                            over = true;
                            stored.add(session);
                            response.onNext(RecordingAck.newBuilder().setReceived(recording.size()).setStored(true)
                                    .build());
                            response.onCompleted();
                        }
                        default -> fail(Status.INVALID_ARGUMENT.withDescription("an empty part"));
                    }
                }

                private void fail(Status status) {
                    over = true;
                    response.onError(status.asRuntimeException());
                }

                @Override
                public void onError(Throwable error) {
                    over = true;
                }

                @Override
                public void onCompleted() {
                    if (!over) {
                        over = true;
                        response.onCompleted();
                    }
                }
            };
        }

        @Override
        public void renewCertificates(RenewCertificatesRequest request, StreamObserver<NodeCredentials> response) {
            String peer = peer();
            renewals.add(String.valueOf(peer));
            if (peer == null) {
                response.onError(Status.UNAUTHENTICATED.withDescription("no client certificate").asRuntimeException());
                return;
            }
            response.onNext(credentials(request.getNodeId(), "node-01", request.getSshPublicKey(),
                    request.getTlsPublicKey()));
            response.onCompleted();
        }
    }
}
