package org.mezite.auth.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.CaType;
import org.mezite.api.store.DatabaseStatus;
import org.mezite.api.store.StoreHealth;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.GetStatusRequest;
import org.mezite.proto.auth.v1.GetStatusResponse;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

class AuthGrpcServerTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final RecordingBundleContext bundle = new RecordingBundleContext("0.1.0.SNAPSHOT");
    private final TestCluster cluster = new TestCluster();
    private final List<AuthGrpcServer> servers = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        servers.forEach(AuthGrpcServer::deactivate);
    }

    @Test
    void getStatusReportsClusterVersionServerTimeAndTheStore() throws IOException {
        AuthGrpcServer server = start(settings(Set.of(HubRole.AUTH, HubRole.PROXY), ANY_LOOPBACK_PORT));
        server.bindStoreHealth(() -> new DatabaseStatus("postgresql", "jdbc:postgresql://db/mezite", "1", true, ""));

        GetStatusResponse status = authStub().getStatus(GetStatusRequest.getDefaultInstance());

        assertThat(status.getClusterName()).isEqualTo("test-cluster");
        assertThat(status.getVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(Instant.ofEpochSecond(status.getServerTime().getSeconds(), status.getServerTime().getNanos()))
                .isEqualTo(cluster.clock.instant());
        assertThat(status.getDatabase().getKind())
                .isEqualTo(org.mezite.proto.auth.v1.DatabaseKind.DATABASE_KIND_POSTGRESQL);
        assertThat(status.getDatabase().getSchemaVersion()).isEqualTo("1");
        assertThat(status.getDatabase().getHealthy()).isTrue();
        assertThat(status.getDatabase().getError()).isEmpty();
    }

    @Test
    void getStatusSaysTheStoreIsMissingUntilOneIsBound() throws IOException {
        AuthGrpcServer server = start(settings(Set.of(HubRole.AUTH), ANY_LOOPBACK_PORT));

        org.mezite.proto.auth.v1.DatabaseStatus missing =
                authStub().getStatus(GetStatusRequest.getDefaultInstance()).getDatabase();
        assertThat(missing.getKind()).isEqualTo(org.mezite.proto.auth.v1.DatabaseKind.DATABASE_KIND_SQLITE);
        assertThat(missing.getHealthy()).isFalse();
        assertThat(missing.getError()).isEqualTo("store not available");

        StoreHealth broken = () -> new DatabaseStatus("sqlite", "jdbc:sqlite:x.db", "", false, "database is locked");
        server.bindStoreHealth(broken);
        org.mezite.proto.auth.v1.DatabaseStatus unhealthy =
                authStub().getStatus(GetStatusRequest.getDefaultInstance()).getDatabase();
        assertThat(unhealthy.getHealthy()).isFalse();
        assertThat(unhealthy.getError()).isEqualTo("database is locked");
    }

    @Test
    void aGreedyStoreReplacementIsNotLostWhenTheOldStoreIsUnbound() throws IOException {
        AuthGrpcServer server = start(settings(Set.of(HubRole.AUTH), ANY_LOOPBACK_PORT));
        StoreHealth old = () -> new DatabaseStatus("sqlite", "jdbc:sqlite:x.db", "1", true, "");
        StoreHealth replacement = () -> new DatabaseStatus("sqlite", "jdbc:sqlite:x.db", "2", true, "");

        server.bindStoreHealth(old);
        server.bindStoreHealth(replacement);
        server.unbindStoreHealth(old);

        assertThat(authStub().getStatus(GetStatusRequest.getDefaultInstance()).getDatabase().getSchemaVersion())
                .isEqualTo("2");
        server.unbindStoreHealth(replacement);
        assertThat(authStub().getStatus(GetStatusRequest.getDefaultInstance()).getDatabase().getError())
                .isEqualTo("store not available");
    }

    @Test
    void healthReportsServingForTheServerAndTheAuthService() throws IOException {
        start(settings(Set.of(HubRole.AUTH), ANY_LOOPBACK_PORT));
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel())
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("mezite.auth.v1.AuthService").build())
                .getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThatThrownBy(() -> health.check(HealthCheckRequest.newBuilder().setService("no.such.Service").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void publishesTheBoundAddressAsAListenerUntilDeactivated() throws IOException {
        AuthGrpcServer server = start(settings(Set.of(HubRole.AUTH), ANY_LOOPBACK_PORT));

        assertThat(bundle.live()).singleElement().satisfies(registration -> {
            assertThat(registration.type()).isEqualTo(Listener.class);
            Listener listener = (Listener) registration.service();
            assertThat(listener.name()).isEqualTo("auth-grpc");
            assertThat(listener.protocol()).isEqualTo("grpc");
            assertThat(listener.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(listener.address().getPort()).isPositive();
            assertThat(registration.properties()).containsEntry("mezite.listener.name", "auth-grpc");
        });

        ManagedChannel channel = channel();
        assertThat(AuthServiceGrpc.newBlockingStub(channel).getStatus(GetStatusRequest.getDefaultInstance())
                .getClusterName()).isEqualTo("test-cluster");

        servers.remove(server);
        server.deactivate();

        assertThat(bundle.live()).isEmpty();
        assertThatThrownBy(() -> AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getStatus(GetStatusRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void speaksOnlyTlsWithACertificateOfTheHostCa() throws Exception {
        start(settings(Set.of(HubRole.AUTH), ANY_LOOPBACK_PORT));
        ManagedChannel plaintext = NettyChannelBuilder.forAddress(address()).usePlaintext().build();
        channels.add(plaintext);

        assertThatThrownBy(() -> AuthServiceGrpc.newBlockingStub(plaintext).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getStatus(GetStatusRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));

        X509Certificate served = TlsChannels.serverCertificate(address());
        assertThat(served.getIssuerX500Principal())
                .isEqualTo(cluster.ca.authority(CaType.HOST).certificate().getSubjectX500Principal());
        served.verify(cluster.ca.authority(CaType.HOST).certificate().getPublicKey());
        assertThat(served.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(served.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                .contains("localhost", "127.0.0.1");
    }

    @Test
    void theCertificateNamesTheListenHostLocalhostTheLoopbackAddressesAndThisMachine() {
        X509CertificateRequest byName = ServerTls.request(InetSocketAddress.createUnresolved("auth.example.com", 3025),
                "host-7.example.com");
        assertThat(byName.authority()).isEqualTo(CaType.HOST);
        assertThat(byName.dnsNames()).containsExactly("auth.example.com", "localhost", "host-7.example.com");
        assertThat(byName.ipAddresses()).containsExactly("127.0.0.1", "::1");
        assertThat(byName.usages()).containsExactly(TlsUsage.SERVER);

        X509CertificateRequest byAddress = ServerTls.request(new InetSocketAddress("10.0.0.5", 3025), null);
        assertThat(byAddress.dnsNames()).containsExactly("localhost");
        assertThat(byAddress.ipAddresses()).containsExactly("10.0.0.5", "127.0.0.1", "::1");

        X509CertificateRequest wildcard = ServerTls.request(new InetSocketAddress("0.0.0.0", 3025), "bad name");
        assertThat(wildcard.dnsNames()).containsExactly("localhost");
        assertThat(wildcard.ipAddresses()).containsExactly("127.0.0.1", "::1");
    }

    @Test
    void doesNotListenWhenThisHubDoesNotRunAuth() throws IOException {
        try (ServerSocket taken = takenLoopbackPort()) {
            // would fail to bind if it tried
            start(settings(Set.of(HubRole.PROXY), new InetSocketAddress(taken.getInetAddress(), taken.getLocalPort())));
        }

        assertThat(bundle.live()).isEmpty();
    }

    @Test
    void aPortInUseFailsActivationWithTheAddressAndTheSettingInTheMessage() throws IOException {
        try (ServerSocket taken = takenLoopbackPort()) {
            InetSocketAddress address = new InetSocketAddress(taken.getInetAddress(), taken.getLocalPort());

            assertThatThrownBy(() -> start(settings(Set.of(HubRole.AUTH), address)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("auth-grpc: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " (auth.listen): ")
                    .hasMessageContaining("in use");
        }
        assertThat(bundle.live()).isEmpty();
    }

    private AuthGrpcServer start(HubSettings settings) throws IOException {
        AuthGrpcServer server = new AuthGrpcServer(bundle.context(), settings, cluster.ca, cluster.ca,
                cluster.enrollment, cluster.policies, cluster.clock);
        servers.add(server);
        return server;
    }

    private AuthServiceGrpc.AuthServiceBlockingStub authStub() {
        return AuthServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** TLS trusting the host CA, without a client certificate: what status and health need. */
    private ManagedChannel channel() {
        ManagedChannel channel = TlsChannels.anonymous(address(), cluster.authorities());
        channels.add(channel);
        return channel;
    }

    private InetSocketAddress address() {
        return ((Listener) bundle.live().get(0).service()).address();
    }

    private static ServerSocket takenLoopbackPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    private static HubSettings settings(Set<HubRole> roles, InetSocketAddress authListen) {
        return TestCluster.settings(roles, authListen);
    }
}
