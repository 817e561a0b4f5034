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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.store.CaType;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.proto.auth.v1.HeartbeatRequest;
import org.mezite.proto.auth.v1.HeartbeatResponse;
import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeCredentials;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.mezite.proto.auth.v1.RenewCertificatesRequest;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** NodeService through the real server: TLS, the client certificate gate and the wire form of every answer. */
class NodeServiceOverTlsTest {

    private final RecordingBundleContext bundle = new RecordingBundleContext("0.1.0");
    private final TestCluster cluster = new TestCluster();
    private final List<ManagedChannel> channels = new ArrayList<>();
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
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        server.deactivate();
    }

    @Test
    void joinNeedsNoClientCertificateAndReturnsTheNodesIdentity() throws Exception {
        String token = token();

        JoinResponse joined = anonymous().join(join(token, "node-01"));

        assertThat(joined.getNodeId()).isNotEmpty();
        assertThat(joined.getClusterName()).isEqualTo(TestCluster.CLUSTER);
        assertThat(joined.getHeartbeatSeconds()).isEqualTo(10);
        NodeCredentials credentials = joined.getCredentials();
        assertThat(credentials.getHostCertificate()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(credentials.getHostCertificateExpires().getSeconds()).isGreaterThan(cluster.clock.instant()
                .getEpochSecond());
        assertThat(credentials.getUserCaPublicKey()).isEqualTo(cluster.ca.authority(CaType.USER).authorizedKey());
        assertThat(credentials.getHostCaCertificate()).isEqualTo(cluster.ca.authority(CaType.HOST).certificatePem());
        List<X509Certificate> chain = parse(credentials.getTlsCertificateChain());
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=" + joined.getNodeId() + ",O=node");
        assertThat(chain.get(0).getPublicKey()).isEqualTo(tlsKey.getPublic());
        assertThat(credentials.getTlsCertificateExpires().getSeconds())
                .isEqualTo(chain.get(0).getNotAfter().toInstant().getEpochSecond());
        assertThat(cluster.nodes.find(joined.getNodeId()).orElseThrow().address()).isEqualTo("127.0.0.1");
    }

    @Test
    void tokensThatCannotBeUsedAreRefusedWithWhy() {
        String used = token();
        anonymous().join(join(used, "node-01"));
        String expired = cluster.tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ofSeconds(1),
                Map.of()), "admin").token();
        cluster.clock.advance(Duration.ofSeconds(2));

        assertStatus(() -> anonymous().join(join(used, "node-02")), Status.Code.PERMISSION_DENIED,
                "join token already used");
        assertStatus(() -> anonymous().join(join(expired, "node-02")), Status.Code.PERMISSION_DENIED,
                "join token expired");
        assertStatus(() -> anonymous().join(join("0".repeat(64), "node-02")), Status.Code.PERMISSION_DENIED,
                "unknown join token");
        assertStatus(() -> anonymous().join(join(token(), "node 02")), Status.Code.INVALID_ARGUMENT,
                "node_name: \"node 02\" must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    @Test
    void heartbeatNeedsTheNodesOwnClientCertificate() throws Exception {
        JoinResponse joined = anonymous().join(join(token(), "node-01"));
        JoinResponse other = anonymous().join(join(token(), "node-02"));

        assertStatus(() -> anonymous().heartbeat(heartbeat(joined.getNodeId())), Status.Code.UNAUTHENTICATED,
                "this call needs a client certificate of the cluster; an agent gets one when it joins");

        NodeServiceGrpc.NodeServiceBlockingStub node = as(joined);
        cluster.clock.advance(Duration.ofMinutes(5));
        assertThat(cluster.nodes.find(joined.getNodeId()).orElseThrow().online()).isFalse();
        HeartbeatResponse answer = node.heartbeat(heartbeat(joined.getNodeId()));
        assertThat(answer.getHeartbeatSeconds()).isEqualTo(10);
        assertThat(answer.getServerTime().getSeconds()).isEqualTo(cluster.clock.instant().getEpochSecond());
        assertThat(cluster.nodes.find(joined.getNodeId()).orElseThrow().online()).isTrue();

        assertStatus(() -> node.heartbeat(heartbeat(other.getNodeId())), Status.Code.PERMISSION_DENIED,
                "the client certificate is node " + joined.getNodeId() + " (host CA), not the one of node "
                        + other.getNodeId());
    }

    @Test
    void aRemovedNodesHeartbeatIsNotFound() throws Exception {
        JoinResponse joined = anonymous().join(join(token(), "node-01"));
        NodeServiceGrpc.NodeServiceBlockingStub node = as(joined);
        cluster.nodes.remove(joined.getNodeId(), "admin");

        assertStatus(() -> node.heartbeat(heartbeat(joined.getNodeId())), Status.Code.NOT_FOUND,
                "node " + joined.getNodeId() + " is not registered (it was removed); join again with a new token");
    }

    @Test
    void anExpiredClientCertificateIsRefusedSayingSo() throws Exception {
        JoinResponse joined = anonymous().join(join(token(), "node-01"));
        NodeServiceGrpc.NodeServiceBlockingStub node = as(joined);
        X509Certificate certificate = parse(joined.getCredentials().getTlsCertificateChain()).get(0);

        cluster.clock.advance(Duration.between(cluster.clock.instant(), certificate.getNotAfter().toInstant())
                .plusSeconds(1));

        assertStatus(() -> node.heartbeat(heartbeat(joined.getNodeId())), Status.Code.UNAUTHENTICATED,
                "the client certificate expired at " + certificate.getNotAfter().toInstant()
                        + "; an agent has to join again with a new token");
    }

    @Test
    void aCertificateFromTheUserCaIsNoNode() throws Exception {
        JoinResponse joined = anonymous().join(join(token(), "node-01"));
        TlsIdentity user = cluster.ca.generate(new X509CertificateRequest(CaType.USER, joined.getNodeId(),
                List.of("node"), List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));
        ManagedChannel channel = TlsChannels.withIdentity(address, cluster.authorities(), user.privateKey(),
                user.certificate().chain());
        channels.add(channel);

        assertStatus(() -> NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .heartbeat(heartbeat(joined.getNodeId())), Status.Code.PERMISSION_DENIED, null);
    }

    @Test
    void renewalGivesFreshCertificatesForTheNodesKeys() throws Exception {
        JoinResponse joined = anonymous().join(join(token(), "node-01"));
        cluster.clock.advance(Duration.ofDays(1));

        NodeCredentials renewed = as(joined).renewCertificates(RenewCertificatesRequest.newBuilder()
                .setNodeId(joined.getNodeId()).setSshPublicKey(TestKeys.openSsh(hostKey))
                .setTlsPublicKey(TestKeys.openSsh(tlsKey)).build());

        assertThat(renewed.getHostCertificate()).startsWith("ssh-ed25519-cert-v01@openssh.com ")
                .isNotEqualTo(joined.getCredentials().getHostCertificate());
        assertThat(parse(renewed.getTlsCertificateChain()).get(0).getSerialNumber())
                .isNotEqualTo(parse(joined.getCredentials().getTlsCertificateChain()).get(0).getSerialNumber());
        assertStatus(() -> anonymous().renewCertificates(RenewCertificatesRequest.newBuilder()
                .setNodeId(joined.getNodeId()).build()), Status.Code.UNAUTHENTICATED, null);
    }

    private String token() {
        return cluster.tokens.create(JoinTokenRequest.node(), "admin").token();
    }

    private JoinRequest join(String token, String name) {
        return JoinRequest.newBuilder().setToken(token).setNodeName(name).putLabels("env", "test")
                .setSshPublicKey(TestKeys.openSsh(hostKey)).setTlsPublicKey(TestKeys.openSsh(tlsKey))
                .setVersion("0.1.0").build();
    }

    private static HeartbeatRequest heartbeat(String nodeId) {
        return HeartbeatRequest.newBuilder().setNodeId(nodeId).build();
    }

    private NodeServiceGrpc.NodeServiceBlockingStub anonymous() {
        ManagedChannel channel = TlsChannels.anonymous(address, cluster.authorities());
        channels.add(channel);
        return NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private NodeServiceGrpc.NodeServiceBlockingStub as(JoinResponse joined) throws Exception {
        ManagedChannel channel = TlsChannels.withIdentity(address, cluster.authorities(), tlsKey.getPrivate(),
                parse(joined.getCredentials().getTlsCertificateChain()));
        channels.add(channel);
        return NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static List<X509Certificate> parse(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                .map(X509Certificate.class::cast).toList();
    }

    private static void assertStatus(Runnable call, Status.Code code, String description) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as(String.valueOf(e.getStatus())).isEqualTo(code);
            if (description != null) {
                assertThat(e.getStatus().getDescription()).isEqualTo(description);
            }
        });
    }
}
