package org.mezite.admin.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.Caller;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.admin.ActiveSession;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.CaInfo;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.admin.NodeAdmin;
import org.mezite.api.admin.NodeInfo;
import org.mezite.api.admin.RoleAdmin;
import org.mezite.api.admin.RoleInfo;
import org.mezite.api.admin.SessionAdmin;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.admin.UserInfo;
import org.mezite.api.auth.Invitation;
import org.mezite.api.hub.HubRole;
import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.CaType;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.StoreException;
import org.mezite.auth.internal.grpc.TestAuthServer;

/**
 * The console of a proxy-only hub against the Auth server: the admin services this bundle registers, through the
 * real AdminService of the Auth bundle over mutual TLS, to admin services that record what reached them. Whatever the
 * console passes as the caller, the Auth hub sees the certificate's user and roles; values and refusals come back
 * as the console would get them on the Auth hub itself.
 */
class RemoteAdminRoundTripTest {

    private static final Instant CREATED = Instant.parse("2030-05-17T10:15:30.250Z");
    private static final Caller CONSOLE = Caller.operator("karaf");

    @TempDir
    Path dir;

    private final FakeAdmins admins = new FakeAdmins();
    private final RecordingBundleContext bundle = new RecordingBundleContext();
    private final List<RemoteAdminServices> components = new ArrayList<>();
    private TestAuthServer server;
    private Path key;

    @BeforeEach
    void start() throws IOException {
        server = TestAuthServer.start(TestCa.ca(), admins::find);
        key = TestCa.mshLogin(dir, "alice", List.of("editor"), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        components.forEach(RemoteAdminServices::deactivate);
        server.close();
    }

    @Test
    void listsUsersAsTheCertificatesUserWhateverTheConsoleClaims() {
        UserInfo bob = new UserInfo("bob", List.of("access"), Map.of("logins", List.of("bob", "ubuntu")), true, true,
                CREATED.plusSeconds(1800), CREATED);
        admins.answer(UserAdmin.class, "list", args -> List.of(bob));
        activate();

        List<UserInfo> users = bundle.service(UserAdmin.class).list(CONSOLE);

        assertThat(users).containsExactly(bob);
        assertThat(admins.calls).singleElement().satisfies(call -> {
            assertThat(call.caller()).isEqualTo(Caller.user("alice", List.of("editor"), Map.of()));
            assertThat(call.method()).isEqualTo("UserAdmin.list");
        });
    }

    @Test
    void roleDocumentsGoAndInvalidOnesComeBackAsTheSameException() {
        String document = "kind: role\nversion: v1\nmetadata: {name: dev}\nspec: {allow: {logins: [ubuntu]}}\n";
        admins.answer(RoleAdmin.class, "create", args -> {
            if (!args.get(0).equals(document)) {
                throw new InvalidRoleException("role \"dev\": spec.allow.node_labels.region: invalid regular"
                        + " expression \"^(eu\": Unclosed group near index 4");
            }
            if (!(Boolean) args.get(1)) {
                throw new ConflictException("role \"dev\" already exists (use --replace)");
            }
            return new RoleInfo("dev", "", document, CREATED, CREATED.plusSeconds(60));
        });
        activate();
        RoleAdmin roles = bundle.service(RoleAdmin.class);

        RoleInfo created = roles.create(CONSOLE, document, true);
        Throwable invalid = catchThrowable(() -> roles.create(CONSOLE, "kind: role\n", true));
        Throwable exists = catchThrowable(() -> roles.create(CONSOLE, document, false));

        assertThat(created).isEqualTo(new RoleInfo("dev", "", document, CREATED, CREATED.plusSeconds(60)));
        assertThat(invalid).isExactlyInstanceOf(InvalidRoleException.class).hasMessage("role \"dev\":"
                + " spec.allow.node_labels.region: invalid regular expression \"^(eu\": Unclosed group near index 4");
        assertThat(exists).isExactlyInstanceOf(ConflictException.class)
                .hasMessage("role \"dev\" already exists (use --replace)");
        assertThat(admins.calls).extracting(FakeAdmins.Call::arguments).containsExactly(List.of(document, true),
                List.of("kind: role\n", true), List.of(document, false));
    }

    @Test
    void locksCarryTheirDurationAndInstantsBothWays() {
        admins.answer(LockAdmin.class, "add", args -> new Lock("lock-1", (LockTarget) args.get(0),
                (String) args.get(1), CREATED.plus((Duration) args.get(2)), "alice", CREATED));
        admins.answer(LockAdmin.class, "remove", args -> null);
        activate();
        LockAdmin locks = bundle.service(LockAdmin.class);

        Lock lock = locks.add(CONSOLE, new LockTarget(LockTargetKind.ROLE, "contractors"), "incident 7",
                Duration.ofMinutes(30).plusMillis(5));
        locks.remove(CONSOLE, "lock-1");

        assertThat(admins.calls.get(0).arguments()).containsExactly(
                new LockTarget(LockTargetKind.ROLE, "contractors"), "incident 7", Duration.parse("PT30M0.005S"));
        assertThat(lock).isEqualTo(new Lock("lock-1", new LockTarget(LockTargetKind.ROLE, "contractors"),
                "incident 7", Instant.parse("2030-05-17T10:45:30.255Z"), "alice", CREATED));
        assertThat(admins.calls.get(1).arguments()).containsExactly("lock-1");
    }

    @Test
    void everyAdminInterfaceCarriesItsTypes() {
        JoinTokenInfo tokenInfo = new JoinTokenInfo("0123456789abcdef", JoinTokenType.NODE, Map.of("env", "dev"),
                CREATED, CREATED.plusSeconds(1800), null);
        RegisteredNode node = new RegisteredNode("6d2c", "node-01", "10.0.0.7", Map.of("env", "dev", "team", "a"),
                CREATED.plusSeconds(5), CREATED, true);
        ActiveSession session = new ActiveSession("s-1", "bob", "ubuntu", "6d2c", "node-01", null, CREATED);
        CaInfo ca = new CaInfo(CaType.USER, "test-cluster", "ssh-ed25519 AAAA", "SHA256:abc", "sha256:def", "PEM");
        Invitation invitation = new Invitation("carol", "c".repeat(64), CREATED.plusSeconds(3600));
        admins.answer(TokenAdmin.class, "add", args -> new IssuedJoinToken("t".repeat(64), tokenInfo))
                .answer(TokenAdmin.class, "list", args -> List.of(tokenInfo))
                .answer(NodeAdmin.class, "list", args -> List.of(new NodeInfo(node, true)))
                .answer(NodeAdmin.class, "removeStale", args -> List.of("node-02", "node-03"))
                .answer(SessionAdmin.class, "listActive", args -> List.of(session))
                .answer(SessionAdmin.class, "terminate", args -> null)
                .answer(CaAdmin.class, "list", args -> List.of(ca))
                .answer(UserAdmin.class, "add", args -> invitation)
                .answer(UserAdmin.class, "update", args -> new UserInfo("carol", List.of("access"), Map.of(), false,
                        false, null, CREATED));
        activate();

        assertThat(bundle.service(TokenAdmin.class).add(CONSOLE, new JoinTokenRequest(JoinTokenType.NODE,
                Duration.ofMinutes(10), Map.of("env", "dev")))).isEqualTo(new IssuedJoinToken("t".repeat(64),
                        tokenInfo));
        assertThat(bundle.service(TokenAdmin.class).list(CONSOLE)).containsExactly(tokenInfo);
        assertThat(bundle.service(NodeAdmin.class).list(CONSOLE)).containsExactly(new NodeInfo(node, true));
        assertThat(bundle.service(NodeAdmin.class).removeStale(CONSOLE, Duration.ofDays(7)))
                .containsExactly("node-02", "node-03");
        assertThat(bundle.service(SessionAdmin.class).listActive(CONSOLE)).containsExactly(session);
        bundle.service(SessionAdmin.class).terminate(CONSOLE, "s-1", "bye");
        assertThat(bundle.service(CaAdmin.class).list(CONSOLE)).containsExactly(ca);
        assertThat(bundle.service(UserAdmin.class).add(CONSOLE, "carol", List.of("access"),
                Map.of("logins", List.of("carol")))).isEqualTo(invitation);
        assertThat(bundle.service(UserAdmin.class).update(CONSOLE, "carol", List.of("access"), null).username())
                .isEqualTo("carol");

        assertThat(admins.calls).extracting(FakeAdmins.Call::method, FakeAdmins.Call::arguments).containsExactly(
                tuple("TokenAdmin.add", new JoinTokenRequest(JoinTokenType.NODE, Duration.ofMinutes(10),
                        Map.of("env", "dev"))),
                tuple("TokenAdmin.list"),
                tuple("NodeAdmin.list"),
                tuple("NodeAdmin.removeStale", Duration.ofDays(7)),
                tuple("SessionAdmin.listActive"),
                tuple("SessionAdmin.terminate", "s-1", "bye"),
                tuple("CaAdmin.list"),
                tuple("UserAdmin.add", "carol", List.of("access"), Map.of("logins", List.of("carol"))),
                tuple("UserAdmin.update", "carol", List.of("access"), null));
    }

    @Test
    void theAuthHubsRefusalsArriveAsTheSameExceptions() {
        List<RuntimeException> failures = List.of(
                new AccessDeniedException("no role of alice allows delete on user [editor]"),
                new NotFoundException("user \"bob\" does not exist"),
                new ConflictException("role \"dev\" is still given to users: bob"),
                new IllegalArgumentException("role \"nope\" does not exist"),
                new StoreException("the database does not answer"));
        int[] next = {0};
        admins.answer(UserAdmin.class, "remove", args -> {
            throw failures.get(next[0]++);
        });
        activate();

        for (RuntimeException failure : failures) {
            assertThat(catchThrowable(() -> bundle.service(UserAdmin.class).remove(CONSOLE, "bob")))
                    .isExactlyInstanceOf(failure.getClass()).hasMessage(failure.getMessage());
        }
    }

    @Test
    void anAdminServiceTheAuthHubDoesNotRunSaysSo() {
        activate();

        assertThatThrownBy(() -> bundle.service(SessionAdmin.class).listActive(CONSOLE))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("the Auth server at "
                        + address() + ": the admin service SessionAdmin is not running on this hub");
    }

    @Test
    void aNewLoginIsUsedFromTheNextCall() throws IOException {
        admins.answer(UserAdmin.class, "list", args -> List.of());
        activate();
        bundle.service(UserAdmin.class).list(CONSOLE);

        Path again = TestCa.mshLogin(Files.createDirectory(dir.resolve("again")), "alice",
                List.of("editor", "auditor"), Duration.ofHours(1));
        Files.move(again, key, StandardCopyOption.REPLACE_EXISTING);
        Files.move(TestCa.certificateOf(again), TestCa.certificateOf(key),
                StandardCopyOption.REPLACE_EXISTING);
        bundle.service(UserAdmin.class).list(CONSOLE);

        assertThat(admins.calls).extracting(FakeAdmins.Call::caller).containsExactly(
                Caller.user("alice", List.of("editor"), Map.of()),
                Caller.user("alice", List.of("editor", "auditor"), Map.of()));
    }

    @Test
    void anExpiredCertificateIsRefusedSayingWhatToDo() {
        admins.answer(UserAdmin.class, "list", args -> List.of());
        activate(Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC));

        assertThatThrownBy(() -> bundle.service(UserAdmin.class).list(CONSOLE))
                .isExactlyInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("the admin certificate " + TestCa.certificateOf(key) + " (CN=alice,O=editor)"
                        + " expired at ")
                .hasMessageEndingWith("; log in again with msh login and point certificate and key in"
                        + " etc/org.mezite.admin.remote.cfg at the new files");
        assertThat(admins.calls).isEmpty();
    }

    @Test
    void aKeyFromCertSignWorksToo() throws IOException {
        admins.answer(UserAdmin.class, "list", args -> List.of());
        key = TestCa.certSign(Files.createDirectory(dir.resolve("signed")), "robot", List.of("editor"));
        activate();

        bundle.service(UserAdmin.class).list(CONSOLE);

        assertThat(admins.calls).extracting(FakeAdmins.Call::caller)
                .containsExactly(Caller.user("robot", List.of("editor"), Map.of()));
    }

    @Test
    void aServerWhoseCaDoesNotMatchThePinIsNotCalled() {
        admins.answer(UserAdmin.class, "list", args -> List.of());
        String otherPin = "sha256:" + "0".repeat(64);
        components.add(new RemoteAdminServices(bundle.context(), TestCa.settings(Set.of(HubRole.PROXY)),
                Configs.remote(address(), TestCa.certificateOf(key).toString(), key.toString(), otherPin), dir,
                Clock.systemUTC()));

        assertThatThrownBy(() -> bundle.service(UserAdmin.class).list(CONSOLE))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot reach the Auth server at " + address() + ": ")
                .hasMessageContaining("its CA does not match ca_pin " + otherPin + " (its CA is " + TestCa.hostPin()
                        + ")");
        assertThat(admins.calls).isEmpty();
    }

    @Test
    void anAuthServerThatIsDownIsNamed() {
        activate();
        server.close();

        assertThatThrownBy(() -> bundle.service(CaAdmin.class).list(CONSOLE))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot reach the Auth server at " + address() + ": ");
    }

    @Test
    void registersTheSevenServicesMarkedRemoteAndRemovesThemWhenStopped() {
        RemoteAdminServices component = activate();

        assertThat(bundle.live()).extracting(RecordingBundleContext.Registration::type).containsExactlyInAnyOrder(
                UserAdmin.class, RoleAdmin.class, TokenAdmin.class, NodeAdmin.class, SessionAdmin.class,
                LockAdmin.class, CaAdmin.class);
        assertThat(bundle.live()).allSatisfy(registration -> assertThat(registration.properties())
                .containsEntry("mezite.admin.remote", address()).containsEntry("service.ranking", 100));

        component.deactivate();
        components.remove(component);

        assertThat(bundle.live()).isEmpty();
    }

    @Test
    void aHubThatRunsAuthRegistersNothing() {
        components.add(new RemoteAdminServices(bundle.context(), TestCa.settings(Set.of(HubRole.AUTH, HubRole.PROXY)),
                Configs.remote(address(), "missing.pem", "missing", TestCa.hostPin()), dir, Clock.systemUTC()));

        assertThat(bundle.live()).isEmpty();
    }

    private RemoteAdminServices activate() {
        return activate(Clock.systemUTC());
    }

    private RemoteAdminServices activate(Clock clock) {
        RemoteAdminServices component = new RemoteAdminServices(bundle.context(),
                TestCa.settings(Set.of(HubRole.PROXY)), Configs.remote(address(),
                        TestCa.certificateOf(key).toString(), key.toString(), TestCa.hostPin()), dir, clock);
        components.add(component);
        return component;
    }

    private String address() {
        return "127.0.0.1:" + server.address().getPort();
    }

    private static org.assertj.core.groups.Tuple tuple(String method, Object... arguments) {
        return org.assertj.core.groups.Tuple.tuple(method, Arrays.asList(arguments));
    }
}
