package org.mezite.auth.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.Caller;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.admin.UserInfo;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.CaType;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.StoreException;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.proto.auth.v1.AdminCall;
import org.mezite.proto.auth.v1.AdminServiceGrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * {@code AdminService.Call} through the real Auth server: TLS, the client certificate gate, who the admin services
 * see as the caller, the JSON both ways and how refusals arrive.
 */
class AdminServiceOverTlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingBundleContext bundle = new RecordingBundleContext("0.1.0");
    private final TestCluster cluster = new TestCluster();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final FakeUserAdmin users = new FakeUserAdmin();
    private final FakeLockAdmin locks = new FakeLockAdmin();
    private AuthGrpcServer server;
    private InetSocketAddress address;

    @BeforeEach
    void startServer() throws IOException {
        server = new AuthGrpcServer(bundle.context(), TestCluster.settings(Set.of(HubRole.AUTH),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), cluster.ca, cluster.ca,
                cluster.enrollment, cluster.policies, cluster.clock);
        server.userAdmin = users;
        server.lockAdmin = locks;
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
    void aUserCertificateCallsAsThatUserWithItsRoles() throws Exception {
        users.users.add(new UserInfo("bob", List.of("access"), Map.of("logins", List.of("bob", "ubuntu")), true,
                false, null, Instant.parse("2030-01-02T03:04:05Z")));

        String result = call(user("alice", "editor", "auditor"), "UserAdmin", "list", "[]");

        assertThat(users.callers).containsExactly(Caller.user("alice", List.of("editor", "auditor"), Map.of()));
        JsonNode bob = JSON.readTree(result).get(0);
        assertThat(bob.get("username").asText()).isEqualTo("bob");
        assertThat(bob.get("roles")).hasSize(1);
        assertThat(bob.get("traits").get("logins").get(1).asText()).isEqualTo("ubuntu");
        assertThat(bob.get("passwordSet").asBoolean()).isTrue();
        assertThat(bob.get("lockedUntil").isNull()).isTrue();
        assertThat(bob.get("createdAt").asText()).isEqualTo("2030-01-02T03:04:05Z");
    }

    @Test
    void argumentsArriveAsTheMethodDeclaresThem() throws Exception {
        AdminServiceGrpc.AdminServiceBlockingStub alice = user("alice", "editor");

        String lock = call(alice, "LockAdmin", "add", "[{\"kind\":\"USER\",\"value\":\"mallory\"},\"incident 7\","
                + "\"PT30M\"]");
        String invitation = call(alice, "UserAdmin", "add", "[\"carol\",[\"access\"],{\"logins\":[\"carol\"]}]");
        String removed = call(alice, "UserAdmin", "remove", "[\"carol\"]");

        assertThat(locks.ttls).containsExactly(Duration.ofMinutes(30));
        assertThat(locks.locks.get(0).target()).isEqualTo(new LockTarget(LockTargetKind.USER, "mallory"));
        JsonNode added = JSON.readTree(lock);
        assertThat(added.get("message").asText()).isEqualTo("incident 7");
        assertThat(added.get("expiresAt").asText()).isEqualTo("2030-05-17T10:45:30.250Z");
        assertThat(added.get("createdBy").asText()).isEqualTo("alice");
        assertThat(JSON.readTree(invitation).get("expiresAt").asText()).isEqualTo("2030-01-01T01:00:00Z");
        assertThat(removed).isEqualTo("null");
        assertThat(users.users).isEmpty();
    }

    @Test
    void aCertificateFromTheMsh_loginKeyWorks() throws Exception {
        // msh login certifies an Ed25519 key: the TLS handshake must take it as a client key
        KeyPair key = TestKeys.ed25519();
        IssuedX509Certificate certificate = cluster.ca.issue(TestKeys.openSsh(key), new X509CertificateRequest(
                CaType.USER, "alice", List.of("editor"), List.of(), List.of(), Set.of(TlsUsage.CLIENT),
                Duration.ofHours(1)));

        call(stub(key.getPrivate(), certificate.chain().subList(0, 1)), "UserAdmin", "list", "[]");

        assertThat(users.callers).containsExactly(Caller.user("alice", List.of("editor"), Map.of()));
    }

    @Test
    void aNodeCertificateIsRefused() {
        TlsIdentity node = cluster.ca.generate(new X509CertificateRequest(CaType.HOST, "6d2c-node", List.of("node"),
                List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));

        StatusRuntimeException refused = refusal(stub(node.privateKey(), node.certificate().chain()), "UserAdmin",
                "list", "[]");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).isEqualTo("the client certificate is node 6d2c-node (host"
                + " CA); the admin API takes a user certificate from the cluster's user CA (msh login)");
        assertThat(kind(refused)).isEqualTo("access_denied");
        assertThat(users.callers).isEmpty();
    }

    @Test
    void noCertificateIsUnauthenticated() {
        ManagedChannel channel = TlsChannels.anonymous(address, cluster.authorities());
        channels.add(channel);

        StatusRuntimeException refused = refusal(AdminServiceGrpc.newBlockingStub(channel), "UserAdmin", "list", "[]");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(users.callers).isEmpty();
    }

    @Test
    void theAdminServicesRefusalsArriveWithTheirMessageAndKind() {
        AdminServiceGrpc.AdminServiceBlockingStub alice = user("alice", "auditor");

        assertRefused(alice, new AccessDeniedException("no role of alice allows list on user [auditor]"),
                Status.Code.PERMISSION_DENIED, "access_denied");
        assertRefused(alice, new NotFoundException("user \"bob\" does not exist"), Status.Code.NOT_FOUND,
                "not_found");
        assertRefused(alice, new ConflictException("user \"bob\" already exists"), Status.Code.ALREADY_EXISTS,
                "conflict");
        assertRefused(alice, new InvalidRoleException("role \"dev\": spec.allow.logins: must be a list"),
                Status.Code.INVALID_ARGUMENT, "invalid_role");
        assertRefused(alice, new IllegalArgumentException("role \"nope\" does not exist"),
                Status.Code.INVALID_ARGUMENT, "invalid_argument");
        assertRefused(alice, new StoreException("the database does not answer"), Status.Code.UNAVAILABLE, "store");
    }

    @Test
    void aBugIsInternalWithoutItsMessage() {
        users.failure = new IllegalStateException("secret internals at 0xdeadbeef");

        StatusRuntimeException refused = refusal(user("alice", "editor"), "UserAdmin", "list", "[]");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(refused.getStatus().getDescription())
                .isEqualTo("UserAdmin.list failed on the Auth server; its log has the details");
        assertThat(kind(refused)).isEqualTo("internal");
    }

    @Test
    void onlyTheAdminApiCanBeCalled() {
        AdminServiceGrpc.AdminServiceBlockingStub alice = user("alice", "editor");

        StatusRuntimeException service = refusal(alice, "ShellAdmin", "list", "[]");
        assertThat(service.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(service.getStatus().getDescription()).isEqualTo("service: \"ShellAdmin\" is not one of CaAdmin,"
                + " LockAdmin, NodeAdmin, RoleAdmin, SessionAdmin, TokenAdmin, UserAdmin");

        for (String method : List.of("hashCode", "wait", "getClass", "drop")) {
            StatusRuntimeException refused = refusal(alice, "UserAdmin", method, "[]");
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(refused.getStatus().getDescription()).isEqualTo("method: \"" + method + "\" is not a method"
                    + " of UserAdmin (add, get, list, remove, reset, update)");
        }
        assertThat(users.callers).isEmpty();
    }

    @Test
    void argumentsThatDoNotFitAreRefusedNamingThem() {
        AdminServiceGrpc.AdminServiceBlockingStub alice = user("alice", "editor");

        assertThat(refusal(alice, "UserAdmin", "get", "[]").getStatus().getDescription())
                .isEqualTo("arguments_json: UserAdmin.get takes a JSON array of 1 argument after the caller");
        assertThat(refusal(alice, "UserAdmin", "get", "{").getStatus().getDescription())
                .startsWith("arguments_json: not JSON: ");
        assertThat(refusal(alice, "LockAdmin", "add", "[{\"kind\":\"USER\",\"value\":\"x\"},null,\"30 minutes\"]")
                .getStatus().getDescription()).startsWith("arguments_json[2]: not a Duration: ");
        assertThat(refusal(alice, "LockAdmin", "add", "[{\"kind\":\"CLUSTER\",\"value\":\"x\"},null,null]")
                .getStatus().getDescription()).startsWith("arguments_json[0]: not a LockTarget: ");
        assertThat(users.callers).isEmpty();
        assertThat(locks.locks).isEmpty();
    }

    @Test
    void anAdminServiceThatIsNotRunningIsUnavailable() {
        StatusRuntimeException refused = refusal(user("alice", "editor"), "RoleAdmin", "list", "[]");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(refused.getStatus().getDescription())
                .isEqualTo("the admin service RoleAdmin is not running on this hub");
        assertThat(kind(refused)).isEqualTo("unavailable");
    }

    private void assertRefused(AdminServiceGrpc.AdminServiceBlockingStub stub, RuntimeException failure,
            Status.Code code, String kind) {
        users.failure = failure;
        StatusRuntimeException refused = refusal(stub, "UserAdmin", "list", "[]");
        assertThat(refused.getStatus().getCode()).as(kind).isEqualTo(code);
        assertThat(refused.getStatus().getDescription()).as(kind).isEqualTo(failure.getMessage());
        assertThat(kind(refused)).isEqualTo(kind);
    }

    private AdminServiceGrpc.AdminServiceBlockingStub user(String name, String... roles) {
        TlsIdentity identity = cluster.ca.generate(new X509CertificateRequest(CaType.USER, name, List.of(roles),
                List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));
        return stub(identity.privateKey(), identity.certificate().chain());
    }

    private AdminServiceGrpc.AdminServiceBlockingStub stub(java.security.PrivateKey key,
            List<java.security.cert.X509Certificate> chain) {
        ManagedChannel channel = TlsChannels.withIdentity(address, cluster.authorities(), key, chain);
        channels.add(channel);
        return AdminServiceGrpc.newBlockingStub(channel);
    }

    private static String call(AdminServiceGrpc.AdminServiceBlockingStub stub, String service, String method,
            String arguments) {
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS).call(AdminCall.newBuilder().setService(service)
                .setMethod(method).setArgumentsJson(arguments).build()).getResultJson();
    }

    private static StatusRuntimeException refusal(AdminServiceGrpc.AdminServiceBlockingStub stub, String service,
            String method, String arguments) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> call(stub, service, method, arguments));
    }

    private static String kind(StatusRuntimeException e) {
        return e.getTrailers() == null ? null : e.getTrailers().get(AdminErrors.KIND);
    }
}
