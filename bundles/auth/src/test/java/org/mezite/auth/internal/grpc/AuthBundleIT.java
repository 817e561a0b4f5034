package org.mezite.auth.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.CaInfo;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokens;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.api.store.DatabaseStatus;
import org.mezite.api.store.JoinTokenRepository;
import org.mezite.api.store.NodeRepository;
import org.mezite.api.store.SessionRepository;
import org.mezite.api.store.StoreHealth;
import org.mezite.auth.internal.testing.FakeAccessPolicySource;
import org.mezite.auth.internal.testing.InMemoryCertificateAuthorityRepository;
import org.mezite.auth.internal.testing.InMemoryJoinTokenRepository;
import org.mezite.auth.internal.testing.InMemoryNodeRepository;
import org.mezite.auth.internal.testing.InMemorySessionRepository;
import org.mezite.auth.internal.testing.RecordingAuditEventRepository;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.proto.auth.v1.AdminCall;
import org.mezite.proto.auth.v1.AdminServiceGrpc;
import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.GetStatusRequest;
import org.mezite.proto.auth.v1.GetStatusResponse;
import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/**
 * The built org.mezite.auth bundle in Felix with exactly the bundles it needs at run time (target/it-bundles: gRPC,
 * the CA bundle and BouncyCastle, SCR, logging), and the hub's settings and store played by the test through the
 * system bundle, which exports the org.mezite.api packages.
 */
class AuthBundleIT {

    @TempDir
    Path tmp;

    private Framework framework;
    private ManagedChannel channel;

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "sun.misc,sun.nio.ch,org.mezite.api.hub;version=1.1.0,org.mezite.api.store;version=2.0.0,"
                        + "org.mezite.api.ca;version=2.0.0,org.mezite.api.join;version=1.0.0,"
                        + "org.mezite.api.auth;version=1.0.0,org.mezite.api.audit;version=1.1.0,"
                        + "org.mezite.api.access;version=2.0.0,org.mezite.api.admin;version=1.1.0,"
                        + "org.mezite.api.recording;version=1.0.0");
        config.put("org.ops4j.pax.logging.DefaultServiceLog.level", "INFO");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        framework.stop();
        framework.waitForStop(30_000);
    }

    @Test
    void servesStatusHealthAndJoinOverTlsWhileTheBundleIsActive() throws Exception {
        BundleContext context = framework.getBundleContext();
        Clock clock = Clock.systemUTC();
        context.registerService(HubSettings.class, settings(), null);
        context.registerService(CertificateAuthorityRepository.class, new InMemoryCertificateAuthorityRepository(),
                null);
        context.registerService(JoinTokenRepository.class, new InMemoryJoinTokenRepository(clock), null);
        context.registerService(NodeRepository.class, new InMemoryNodeRepository(clock), null);
        context.registerService(AuditRecorder.class, new RecordingAuditEventRepository(), null);
        context.registerService(SessionRepository.class, new InMemorySessionRepository(), null);
        context.registerService(AccessPolicySource.class, new FakeAccessPolicySource(), null);
        List<Bundle> bundles = installAndStartAll(context);

        assertThat(bundles).allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
        InetSocketAddress address = awaitListener(context).address();
        CertificateAuthorities authorities = service(context, CertificateAuthorities.class);
        channel = TlsChannels.anonymous(address, authorities);
        AuthServiceGrpc.AuthServiceBlockingStub auth = AuthServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        GetStatusResponse withoutStore = auth.getStatus(GetStatusRequest.getDefaultInstance());
        assertThat(withoutStore.getClusterName()).isEqualTo("it-cluster");
        assertThat(withoutStore.getVersion()).isEqualTo(System.getProperty("project.version", "0.1.0-SNAPSHOT"));
        assertThat(withoutStore.getDatabase().getError()).isEqualTo("store not available");
        assertThat(HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);

        StoreHealth store = () -> new DatabaseStatus("sqlite", "jdbc:sqlite:mezite.db", "1", true, "");
        context.registerService(StoreHealth.class, store, null);
        GetStatusResponse withStore = auth.getStatus(GetStatusRequest.getDefaultInstance());
        assertThat(withStore.getDatabase().getHealthy()).isTrue();
        assertThat(withStore.getDatabase().getSchemaVersion()).isEqualTo("1");

        String token = service(context, JoinTokens.class).create(JoinTokenRequest.node(), "it").token();
        JoinResponse joined = NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .join(JoinRequest.newBuilder().setToken(token).setNodeName("it-node")
                        .setSshPublicKey(TestKeys.openSsh(TestKeys.ed25519()))
                        .setTlsPublicKey(TestKeys.openSsh(TestKeys.p256())).build());
        assertThat(service(context, NodeRegistry.class).list()).singleElement().satisfies(node -> {
            assertThat(node.id()).isEqualTo(joined.getNodeId());
            assertThat(node.name()).isEqualTo("it-node");
            assertThat(node.online()).isTrue();
        });

        bundles.stream().filter(b -> "org.mezite.auth".equals(b.getSymbolicName())).findFirst().orElseThrow().stop();

        assertThat(context.getServiceReferences(Listener.class, null)).isEmpty();
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void servesTheAdminServicesThatAreRegisteredToUserCertificates() throws Exception {
        BundleContext context = framework.getBundleContext();
        context.registerService(HubSettings.class, settings(), null);
        context.registerService(CertificateAuthorityRepository.class, new InMemoryCertificateAuthorityRepository(),
                null);
        context.registerService(JoinTokenRepository.class, new InMemoryJoinTokenRepository(Clock.systemUTC()), null);
        context.registerService(NodeRepository.class, new InMemoryNodeRepository(Clock.systemUTC()), null);
        context.registerService(AuditRecorder.class, new RecordingAuditEventRepository(), null);
        context.registerService(SessionRepository.class, new InMemorySessionRepository(), null);
        context.registerService(AccessPolicySource.class, new FakeAccessPolicySource(), null);
        installAndStartAll(context);
        InetSocketAddress address = awaitListener(context).address();
        CertificateAuthorities authorities = service(context, CertificateAuthorities.class);
        List<Caller> callers = new CopyOnWriteArrayList<>();
        CaAdmin cas = caller -> {
            callers.add(caller);
            return List.of(new CaInfo(CaType.HOST, "it-cluster", "ssh-ed25519 AAAA", "SHA256:x", "sha256:y", "PEM"));
        };
        ServiceRegistration<CaAdmin> registration = context.registerService(CaAdmin.class, cas, null);
        TlsIdentity alice = service(context, X509CertificateIssuer.class).generate(new X509CertificateRequest(
                CaType.USER, "alice", List.of("editor"), List.of(), List.of(), Set.of(TlsUsage.CLIENT),
                Duration.ofHours(1)));
        channel = TlsChannels.withIdentity(address, authorities, alice.privateKey(), alice.certificate().chain());
        AdminCall list = AdminCall.newBuilder().setService("CaAdmin").setMethod("list").setArgumentsJson("[]").build();

        String result = AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).call(list)
                .getResultJson();

        JsonNode ca = new ObjectMapper().readTree(result).get(0);
        assertThat(ca.get("type").asText()).isEqualTo("HOST");
        assertThat(ca.get("tlsPin").asText()).isEqualTo("sha256:y");
        assertThat(callers).containsExactly(Caller.user("alice", List.of("editor"), Map.of()));

        registration.unregister();

        assertThatThrownBy(() -> AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .call(list)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus())
                        .extracting(Status::getCode, Status::getDescription).containsExactly(Status.Code.UNAVAILABLE,
                                "the admin service CaAdmin is not running on this hub"));
    }

    private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(30_000);
            assertThat(service).as(type.getSimpleName() + " service").isNotNull();
            return service;
        } finally {
            tracker.close();
        }
    }

    private static List<Bundle> installAndStartAll(BundleContext context) throws Exception {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.bundles", "target/it-bundles")))) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        jars.add(Path.of(System.getProperty("auth.bundle", "target/org.mezite.auth.jar")));
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        return bundles;
    }

    private static Listener awaitListener(BundleContext context) throws InterruptedException {
        ServiceTracker<Listener, Listener> tracker = new ServiceTracker<>(context, Listener.class, null);
        tracker.open();
        try {
            Listener listener = tracker.waitForService(30_000);
            assertThat(listener).as("the auth-grpc Listener service").isNotNull();
            assertThat(listener.name()).isEqualTo("auth-grpc");
            return listener;
        } finally {
            tracker.close();
        }
    }

    private static HubSettings settings() {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new HubSettings("it-cluster", Set.of(HubRole.AUTH), loopback, loopback, loopback, loopback,
                Path.of("data"), new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:mezite.db", "", "", 1));
    }
}
