package org.mezite.auth.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.Role;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.mezite.proto.auth.v1.WatchAccessPolicyRequest;

import com.google.protobuf.Timestamp;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** {@code NodeService.WatchAccessPolicy} through the real server: who may watch, what arrives, when it stops. */
class WatchAccessPolicyOverTlsTest {

    /** Not a timing assertion: a guard so that a broken stream fails the test instead of hanging the build. */
    private static final long GUARD_SECONDS = 30;
    private static final Instant CREATED = Instant.parse("2030-05-17T10:15:30.250Z");

    private final RecordingBundleContext bundle = new RecordingBundleContext("0.1.0");
    private final TestCluster cluster = new TestCluster();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<Context.CancellableContext> watches = new ArrayList<>();
    private final KeyPair hostKey = TestKeys.ed25519();
    private final KeyPair tlsKey = TestKeys.p256();
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
        watches.forEach(watch -> watch.cancel(null));
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.deactivate();
        }
    }

    @Test
    void aNodeGetsThePolicyAtOnceThenEachNewRevision() throws Exception {
        Lock forever = new Lock("l-1", new LockTarget(LockTargetKind.USER, "alice"), "security incident", null,
                "admin", CREATED);
        Lock lapsing = new Lock("l-2", new LockTarget(LockTargetKind.LOGIN, "root"), null,
                CREATED.plusSeconds(3600), "admin", CREATED);
        cluster.policies.publish(new AccessPolicy(41, List.of(new Role("r-1", "dev", "kind: role\n", CREATED,
                CREATED.plusSeconds(60))), List.of(forever, lapsing),
                List.of(new AccessPolicy.SessionTermination("s-9", "ended by admin"))));
        JoinResponse node = join("node-01");

        Iterator<org.mezite.proto.auth.v1.AccessPolicy> stream = watch(node, node.getNodeId());

        org.mezite.proto.auth.v1.AccessPolicy first = stream.next();
        assertThat(first.getRevision()).isEqualTo(41);
        assertThat(first.getRolesList()).singleElement().satisfies(role -> {
            assertThat(role.getId()).isEqualTo("r-1");
            assertThat(role.getName()).isEqualTo("dev");
            assertThat(role.getSpec()).isEqualTo("kind: role\n");
            assertThat(role.getCreatedAt()).isEqualTo(timestamp(CREATED));
            assertThat(role.getUpdatedAt()).isEqualTo(timestamp(CREATED.plusSeconds(60)));
        });
        assertThat(first.getLocks(0).getId()).isEqualTo("l-1");
        assertThat(first.getLocks(0).getTargetKind()).isEqualTo("user");
        assertThat(first.getLocks(0).getTargetValue()).isEqualTo("alice");
        assertThat(first.getLocks(0).getMessage()).isEqualTo("security incident");
        assertThat(first.getLocks(0).hasExpiresAt()).as("until removed").isFalse();
        assertThat(first.getLocks(0).getCreatedBy()).isEqualTo("admin");
        assertThat(first.getLocks(0).getCreatedAt()).isEqualTo(timestamp(CREATED));
        assertThat(first.getLocks(1).getTargetKind()).isEqualTo("login");
        assertThat(first.getLocks(1).getMessage()).isEmpty();
        assertThat(first.getLocks(1).getExpiresAt()).isEqualTo(timestamp(CREATED.plusSeconds(3600)));
        assertThat(first.getTerminatedSessionsList()).singleElement().satisfies(termination -> {
            assertThat(termination.getSessionId()).isEqualTo("s-9");
            assertThat(termination.getMessage()).isEqualTo("ended by admin");
        });

        cluster.policies.publish(new AccessPolicy(42, List.of(), List.of(forever), List.of()));
        cluster.policies.publish(new AccessPolicy(42, List.of(), List.of(forever), List.of()));
        cluster.policies.publish(new AccessPolicy(43, List.of(), List.of(), List.of()));

        org.mezite.proto.auth.v1.AccessPolicy second = stream.next();
        assertThat(second.getRevision()).isEqualTo(42);
        assertThat(second.getRolesList()).isEmpty();
        assertThat(second.getLocksList()).extracting(org.mezite.proto.auth.v1.Lock::getId).containsExactly("l-1");
        assertThat(stream.next().getRevision()).as("the repeat of 42 is skipped").isEqualTo(43);
    }

    @Test
    void cancellingTheWatchEndsTheSubscription() throws Exception {
        JoinResponse node = join("node-01");
        Iterator<org.mezite.proto.auth.v1.AccessPolicy> stream = watch(node, node.getNodeId());
        assertThat(stream.next().getRevision()).isZero();
        assertThat(cluster.policies.subscribers()).isEqualTo(1);

        watches.get(0).cancel(null);

        await(() -> cluster.policies.subscribers() == 0, "the subscription ends");
    }

    @Test
    void onlyTheNodeItselfMayWatchAndOnlyWhileRegistered() throws Exception {
        JoinResponse node = join("node-01");
        JoinResponse other = join("node-02");

        assertStatus(watch(node, other.getNodeId()), Status.Code.PERMISSION_DENIED,
                "the client certificate is node " + node.getNodeId() + " (host CA), not the one of node "
                        + other.getNodeId());
        ManagedChannel anonymous = TlsChannels.anonymous(address, cluster.authorities());
        channels.add(anonymous);
        assertStatus(NodeServiceGrpc.newBlockingStub(anonymous).withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .watchAccessPolicy(WatchAccessPolicyRequest.newBuilder().setNodeId(node.getNodeId()).build()),
                Status.Code.UNAUTHENTICATED, null);

        cluster.nodes.remove(other.getNodeId(), "admin");
        assertStatus(watch(other, other.getNodeId()), Status.Code.NOT_FOUND, "node " + other.getNodeId()
                + " is not registered (it was removed); join again with a new token");
        assertThat(cluster.policies.subscribers()).isZero();
    }

    @Test
    void stoppingTheServerEndsTheWatchSoThatTheAgentReconnects() throws Exception {
        JoinResponse node = join("node-01");
        Iterator<org.mezite.proto.auth.v1.AccessPolicy> stream = watch(node, node.getNodeId());
        stream.next();

        server.deactivate();
        server = null;

        assertStatus(stream, Status.Code.UNAVAILABLE, null);
        assertThat(cluster.policies.subscribers()).isZero();
    }

    private JoinResponse join(String name) {
        ManagedChannel channel = TlsChannels.anonymous(address, cluster.authorities());
        channels.add(channel);
        return NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .join(JoinRequest.newBuilder().setToken(cluster.tokens.create(JoinTokenRequest.node(), "admin")
                        .token()).setNodeName(name).setSshPublicKey(TestKeys.openSsh(hostKey))
                        .setTlsPublicKey(TestKeys.openSsh(tlsKey)).setVersion("0.1.0").build());
    }

    /** Watches as the joined node, asking for {@code nodeId}'s policy; cancelled after the test. */
    private Iterator<org.mezite.proto.auth.v1.AccessPolicy> watch(JoinResponse as, String nodeId) throws Exception {
        ManagedChannel channel = TlsChannels.withIdentity(address, cluster.authorities(), tlsKey.getPrivate(),
                parse(as.getCredentials().getTlsCertificateChain()));
        channels.add(channel);
        Context.CancellableContext watch = Context.current().withCancellation();
        watches.add(watch);
        return watch.call(() -> NodeServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(GUARD_SECONDS, TimeUnit.SECONDS)
                .watchAccessPolicy(WatchAccessPolicyRequest.newBuilder().setNodeId(nodeId).build()));
    }

    private static void assertStatus(Iterator<?> stream, Status.Code code, String description) {
        assertThatThrownBy(stream::next).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as(String.valueOf(e.getStatus())).isEqualTo(code);
            if (description != null) {
                assertThat(e.getStatus().getDescription()).isEqualTo(description);
            }
        });
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + GUARD_SECONDS + " s");
            }
            Thread.sleep(10);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static List<X509Certificate> parse(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                .map(X509Certificate.class::cast).toList();
    }
}
