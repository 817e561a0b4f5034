package org.mezite.auth.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.RecordingSinkUnavailableException;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.StoreException;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.mezite.proto.auth.v1.RecordingAck;
import org.mezite.proto.auth.v1.RecordingData;
import org.mezite.proto.auth.v1.RecordingEnd;
import org.mezite.proto.auth.v1.RecordingPart;
import org.mezite.proto.auth.v1.RecordingStart;
import org.mezite.proto.auth.v1.WatchAccessPolicyRequest;

import com.google.protobuf.ByteString;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;

/** {@code NodeService.UploadRecording} and the recording mode in the policy stream, through the real server. */
class UploadRecordingOverTlsTest {

    /** Not a timing assertion: a guard so that a broken stream fails the test instead of hanging the build. */
    private static final long GUARD_SECONDS = 30;

    private final RecordingBundleContext bundle = new RecordingBundleContext("0.1.0");
    private final TestCluster cluster = new TestCluster();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final KeyPair hostKey = TestKeys.ed25519();
    private final KeyPair tlsKey = TestKeys.p256();
    private final MemoryRecordings recordings = new MemoryRecordings();
    private AuthGrpcServer server;
    private InetSocketAddress address;

    @BeforeEach
    void startServer() throws IOException {
        server = new AuthGrpcServer(bundle.context(), TestCluster.settings(Set.of(HubRole.AUTH),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), cluster.ca, cluster.ca,
                cluster.enrollment, cluster.policies, cluster.clock);
        address = ((Listener) bundle.live().get(0).service()).address();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.deactivate();
        }
    }

    @Test
    void aNodeUploadsARecordingFromTheOffsetAuthHolds() throws Exception {
        server.recordings = recordings;
        JoinResponse node = join("node-01");
        recordings.held.put("s-1", new ByteArrayOutputStream());
        recordings.held.get("s-1").write("abc".getBytes());
        recordings.owners.put("s-1", node.getNodeId());
        Upload upload = upload(node);

        upload.send(start(node.getNodeId(), "s-1"));
        assertThat(upload.next().getReceived()).isEqualTo(3);
        upload.send(data(3, "defgh"));
        upload.send(RecordingPart.newBuilder().setEnd(RecordingEnd.newBuilder().setSize(8).setComplete(false)).build());
        RecordingAck stored = upload.next();

        assertThat(stored.getStored()).isTrue();
        assertThat(stored.getReceived()).isEqualTo(8);
        assertThat(upload.completed.poll(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(recordings.finished).containsExactly("s-1 8 false");
        assertThat(recordings.held.get("s-1").toString(StandardCharsets.UTF_8)).isEqualTo("abcdefgh");
    }

    @Test
    void refusalsCarryAStatusTheAgentActsOn() throws Exception {
        JoinResponse node = join("node-01");
        JoinResponse other = join("node-02");

        Upload noService = upload(node);
        noService.send(start(node.getNodeId(), "s-1"));
        assertThat(noService.status()).isEqualTo(Status.Code.UNAVAILABLE);

        server.recordings = recordings;
        Upload asAnother = upload(node);
        asAnother.send(start(other.getNodeId(), "s-1"));
        assertThat(asAnother.status()).isEqualTo(Status.Code.PERMISSION_DENIED);

        Upload gap = upload(node);
        gap.send(start(node.getNodeId(), "s-2"));
        gap.next();
        gap.send(data(10, "x"));
        assertThat(gap.status()).isEqualTo(Status.Code.FAILED_PRECONDITION);

        recordings.sinkMissing = true;
        Upload noSink = upload(node);
        noSink.send(start(node.getNodeId(), "s-3"));
        noSink.next();
        noSink.send(data(0, "x"));
        noSink.send(RecordingPart.newBuilder().setEnd(RecordingEnd.newBuilder().setSize(1).setComplete(true)).build());
        assertThat(noSink.status()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(noSink.error.getStatus().getDescription()).isEqualTo("no recording sink \"file\" is installed");
    }

    @Test
    void aLargeRecordingArrivesWholeWhenTheAgentSendsAsTheStreamTakesIt() throws Exception {
        server.recordings = recordings;
        recordings.digestOnly = true;
        JoinResponse node = join("node-01");
        int chunk = 256 * 1024;
        int chunks = 64; // 16 MiB: far beyond HTTP/2's windows, so the stream is held back many times
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        Random random = new Random(3);
        Upload upload = new Upload();
        CountDownLatch sent = new CountDownLatch(1);
        upload.requests = NodeServiceGrpc.newStub(channelAs(node)).withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .uploadRecording(new ClientResponseObserver<RecordingPart, RecordingAck>() {
                    private ClientCallStreamObserver<RecordingPart> requests;
                    private long offset = -1;

                    @Override
                    public void beforeStart(ClientCallStreamObserver<RecordingPart> stream) {
                        requests = stream;
                        stream.setOnReadyHandler(this::sendWhileReady);
                    }

                    /** As the agent does: only while the stream is ready, so nothing piles up in memory. */
                    private synchronized void sendWhileReady() {
                        while (offset >= 0 && offset < (long) chunk * chunks && requests.isReady()) {
                            byte[] data = new byte[chunk];
                            random.nextBytes(data);
                            expected.update(data);
                            requests.onNext(RecordingPart.newBuilder().setData(RecordingData.newBuilder()
                                    .setOffset(offset).setData(ByteString.copyFrom(data))).build());
                            offset += chunk;
                        }
                        if (offset == (long) chunk * chunks) {
                            offset++;
                            sent.countDown();
                        }
                    }

                    @Override
                    public void onNext(RecordingAck ack) {
                        upload.onNext(ack);
                        if (!ack.getStored()) {
                            synchronized (this) {
                                offset = ack.getReceived();
                            }
                            sendWhileReady();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        upload.onError(t);
                    }

                    @Override
                    public void onCompleted() {
                        upload.onCompleted();
                    }
                });

        upload.send(start(node.getNodeId(), "s-big"));
        assertThat(upload.next().getReceived()).isZero();
        assertThat(sent.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("all sent; error: " + upload.errors.peek())
                .isTrue();
        long size = (long) chunk * chunks;
        upload.send(RecordingPart.newBuilder().setEnd(RecordingEnd.newBuilder().setSize(size).setComplete(true))
                .build());

        assertThat(upload.next().getStored()).isTrue();
        assertThat(recordings.finished).containsExactly("s-big " + size + " true");
        assertThat(recordings.digest("s-big")).isEqualTo(expected.digest());
    }

    @Test
    void badRequestsAndAnUnavailableStoreAreToldApart() throws Exception {
        server.recordings = recordings;
        JoinResponse node = join("node-01");

        Upload badId = upload(node);
        badId.send(start(node.getNodeId(), "../etc"));
        assertThat(badId.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badId.error.getStatus().getDescription()).isEqualTo("session id \"../etc\" is not valid");

        Upload dataFirst = upload(node);
        dataFirst.send(data(0, "x"));
        assertThat(dataFirst.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(dataFirst.error.getStatus().getDescription())
                .isEqualTo("a recording upload starts with the session it is of");

        recordings.storeDown = true;
        Upload storeDown = upload(node);
        storeDown.send(start(node.getNodeId(), "s-1"));
        storeDown.next();
        storeDown.send(RecordingPart.newBuilder().setEnd(RecordingEnd.newBuilder().setSize(0)).build());
        assertThat(storeDown.status()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(storeDown.error.getStatus().getDescription())
                .isEqualTo("the Auth server cannot keep the recording right now: database is locked");
    }

    @Test
    void agentsAreToldTheRecordingModeAndItsChanges() throws Exception {
        JoinResponse node = join("node-01");
        Iterator<org.mezite.proto.auth.v1.AccessPolicy> policies = watch(node);
        assertThat(policies.next().getRecordingMode()).as("no recordings service: node").isEqualTo("node");

        recordings.mode = RecordingMode.NODE_SYNC;
        server.recordings = recordings;

        assertThat(policies.next().getRecordingMode()).isEqualTo("node-sync");
    }

    private JoinResponse join(String name) {
        ManagedChannel channel = TlsChannels.anonymous(address, cluster.authorities());
        channels.add(channel);
        return NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .join(JoinRequest.newBuilder().setToken(cluster.tokens.create(JoinTokenRequest.node(), "admin")
                        .token()).setNodeName(name).setSshPublicKey(TestKeys.openSsh(hostKey))
                        .setTlsPublicKey(TestKeys.openSsh(tlsKey)).setVersion("0.1.0").build());
    }

    private ManagedChannel channelAs(JoinResponse node) throws Exception {
        ManagedChannel channel = TlsChannels.withIdentity(address, cluster.authorities(), tlsKey.getPrivate(),
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(
                        node.getCredentials().getTlsCertificateChain().getBytes(StandardCharsets.US_ASCII)))
                        .stream().map(X509Certificate.class::cast).toList());
        channels.add(channel);
        return channel;
    }

    private Iterator<org.mezite.proto.auth.v1.AccessPolicy> watch(JoinResponse node) throws Exception {
        ManagedChannel channel = channelAs(node);
        return Context.current().withCancellation().call(() -> NodeServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .watchAccessPolicy(WatchAccessPolicyRequest.newBuilder().setNodeId(node.getNodeId()).build()));
    }

    private Upload upload(JoinResponse node) throws Exception {
        Upload upload = new Upload();
        upload.requests = NodeServiceGrpc.newStub(channelAs(node)).withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .uploadRecording(upload);
        return upload;
    }

    private static RecordingPart start(String nodeId, String sessionId) {
        return RecordingPart.newBuilder().setStart(RecordingStart.newBuilder().setNodeId(nodeId)
                .setSessionId(sessionId)).build();
    }

    private static RecordingPart data(long offset, String text) {
        return RecordingPart.newBuilder().setData(RecordingData.newBuilder().setOffset(offset)
                .setData(ByteString.copyFromUtf8(text))).build();
    }

    /** The agent's side of one call. */
    private static final class Upload implements StreamObserver<RecordingAck> {
        final BlockingQueue<RecordingAck> acks = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> completed = new LinkedBlockingQueue<>();
        final BlockingQueue<StatusRuntimeException> errors = new LinkedBlockingQueue<>();
        StreamObserver<RecordingPart> requests;
        StatusRuntimeException error;

        void send(RecordingPart part) {
            requests.onNext(part);
        }

        RecordingAck next() throws InterruptedException {
            RecordingAck ack = acks.poll(GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(ack).as("an acknowledgement; error: " + errors.peek()).isNotNull();
            return ack;
        }

        Status.Code status() throws InterruptedException {
            error = errors.poll(GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(error).as("the call fails").isNotNull();
            return error.getStatus().getCode();
        }

        @Override
        public void onNext(RecordingAck value) {
            acks.add(value);
        }

        @Override
        public void onError(Throwable t) {
            errors.add(t instanceof StatusRuntimeException e ? e : Status.fromThrowable(t).asRuntimeException());
        }

        @Override
        public void onCompleted() {
            completed.add(true);
        }
    }

    /** Keeps received bytes in memory, with the same offset and owner rules as the hub's. */
    private static final class MemoryRecordings implements Recordings {
        final Map<String, ByteArrayOutputStream> held = new ConcurrentHashMap<>();
        final Map<String, String> owners = new ConcurrentHashMap<>();
        final List<String> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, MessageDigest> digests = new ConcurrentHashMap<>();
        volatile RecordingMode mode = RecordingMode.NODE;
        volatile boolean sinkMissing;
        volatile boolean storeDown;
        /** Keeps a digest and a count of the bytes instead of the bytes, for large uploads. */
        volatile boolean digestOnly;
        final Map<String, Long> sizes = new ConcurrentHashMap<>();

        byte[] digest(String sessionId) {
            return digests.get(sessionId).digest();
        }

        @Override
        public RecordingMode mode() {
            return mode;
        }

        @Override
        public long receive(String nodeId, String sessionId) {
            if (sessionId.contains("/")) {
                throw new IllegalArgumentException("session id \"" + sessionId + "\" is not valid");
            }
            if (digestOnly) {
                owners.putIfAbsent(sessionId, nodeId);
                digests.computeIfAbsent(sessionId, id -> sha256());
                return sizes.computeIfAbsent(sessionId, id -> 0L);
            }
            if (!owners.computeIfAbsent(sessionId, id -> nodeId).equals(nodeId)) {
                throw new SecurityException("another node's recording");
            }
            return held.computeIfAbsent(sessionId, id -> new ByteArrayOutputStream()).size();
        }

        @Override
        public void append(String nodeId, String sessionId, long offset, byte[] data) throws IOException {
            if (digestOnly) {
                if (offset != sizes.get(sessionId)) {
                    throw new IllegalStateException("offset " + offset + " does not follow on");
                }
                digests.get(sessionId).update(data);
                sizes.put(sessionId, offset + data.length);
                return;
            }
            ByteArrayOutputStream bytes = held.get(sessionId);
            if (offset != bytes.size()) {
                throw new IllegalStateException("offset " + offset + " does not follow on");
            }
            bytes.write(data);
        }

        @Override
        public synchronized RecordingInfo finish(String nodeId, String sessionId, long size, boolean complete) {
            if (sinkMissing) {
                throw new RecordingSinkUnavailableException("no recording sink \"file\" is installed");
            }
            if (storeDown) {
                throw new StoreException("database is locked");
            }
            finished.add(sessionId + " " + size + " " + complete);
            return new RecordingInfo(sessionId, "alice", "root", "node-01", Instant.EPOCH, Duration.ZERO, complete,
                    size, "file", Instant.EPOCH);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<RecordingInfo> list(int limit) {
            return List.of();
        }

        @Override
        public Optional<RecordingInfo> find(String sessionId) {
            return Optional.empty();
        }

        @Override
        public InputStream open(String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Staged> staged() {
            return List.of();
        }
    }
}
