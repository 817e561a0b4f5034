package org.mezite.rbac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

class RbacAccessCheckerTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static final String DEV = """
            kind: role
            version: v1
            metadata: {name: dev, description: Developers}
            spec:
              allow:
                logins: ['{{internal.logins}}', ubuntu]
                node_labels: {env: [dev, staging]}
            """;
    static final String PROD_DENY = """
            kind: role
            version: v1
            metadata: {name: prod-deny}
            spec:
              deny:
                node_labels: {env: prod}
            """;
    static final String ACCESS = """
            kind: role
            version: v1
            metadata: {name: access}
            spec:
              allow:
                logins: ['{{internal.logins}}']
                node_labels: {'*': '*'}
            """;
    static final String NO_ROOT = """
            kind: role
            version: v1
            metadata: {name: no-root}
            spec:
              deny:
                logins: [root]
            """;

    private final TestPolicySource source = new TestPolicySource();
    private final RbacAccessChecker checker = new RbacAccessChecker(source, Clock.fixed(NOW, ZoneOffset.UTC));

    static SshUser user(String name, List<String> roles, Map<String, List<String>> traits) {
        return new SshUser(name, roles, List.of(), Set.of(), traits, NOW.plusSeconds(3600), 1);
    }

    static SshUser alice(String... roles) {
        return user("alice", List.of(roles), Map.of("logins", List.of("alice", "root")));
    }

    static SshTarget node(String name, Map<String, String> labels) {
        return new SshTarget("id-" + name, name, labels);
    }

    static String role(String name, String spec) {
        return "kind: role\nversion: v1\nmetadata: {name: " + name + "}\nspec:\n" + spec.indent(2);
    }

    private final SshTarget devNode = node("node-01", Map.of("env", "dev", "team", "core"));
    private final SshTarget prodNode = node("node-02", Map.of("env", "prod", "team", "core"));

    @Nested
    class Logins {

        @Test
        void nothingIsAllowedWithoutARoleThatAllowsIt() {
            source.publish(DEV);
            AccessDecision decision = checker.checkLogin(alice("auditor"), "alice", devNode);
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.reason()).isEqualTo(
                    "no role of alice allows login \"alice\" on node-01 (roles not found: auditor)");
        }

        @Test
        void beforeAnyPolicyEverythingIsDenied() {
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isFalse();
        }

        @Test
        void aRoleAllowsItsLoginsOnTheNodesItsLabelsMatchAndSaysWhy() {
            source.publish(DEV, ACCESS);
            AccessDecision decision = checker.checkLogin(alice("dev"), "ubuntu", devNode);
            assertThat(decision).isEqualTo(AccessDecision.allow(
                    "allowed by role \"dev\" (login \"ubuntu\", node_labels env=dev)"));
            assertThat(checker.checkLogin(alice("dev"), "ubuntu", prodNode).allowed()).isFalse();
        }

        @Test
        void aLoginNoRoleAllowsIsDeniedNamingTheRoles() {
            source.publish(DEV, ACCESS);
            AccessDecision decision = checker.checkLogin(alice("access", "dev"), "postgres", devNode);
            assertThat(decision).isEqualTo(AccessDecision.deny(
                    "no role of alice allows login \"postgres\" on node-01 (roles: access, dev)"));
        }

        @Test
        void anyMatchingDenyWinsOverEveryAllow() {
            source.publish(ACCESS, PROD_DENY);
            assertThat(checker.checkLogin(alice("access", "prod-deny"), "alice", devNode).allowed()).isTrue();
            AccessDecision decision = checker.checkLogin(alice("access", "prod-deny"), "alice", prodNode);
            assertThat(decision).isEqualTo(AccessDecision.deny("role \"prod-deny\" denies node_labels env=prod"));
            // whatever the order of the roles
            assertThat(checker.checkLogin(alice("prod-deny", "access"), "alice", prodNode).allowed()).isFalse();
        }

        @Test
        void deniedLoginsAreDeniedOnEveryNode() {
            source.publish(ACCESS, NO_ROOT);
            assertThat(checker.checkLogin(alice("access", "no-root"), "alice", prodNode).allowed()).isTrue();
            AccessDecision decision = checker.checkLogin(alice("access", "no-root"), "root", devNode);
            assertThat(decision).isEqualTo(AccessDecision.deny("role \"no-root\" denies login \"root\""));
        }

        @Test
        void labelKeysAreAndedAndValuesOred() {
            source.publish(role("core-dev", """
                    allow:
                      logins: [ubuntu]
                      node_labels: {env: [dev, staging], team: core}
                    """));
            SshUser bob = user("bob", List.of("core-dev"), Map.of());
            assertThat(checker.checkLogin(bob, "ubuntu", node("a", Map.of("env", "dev", "team", "core"))).allowed())
                    .isTrue();
            assertThat(checker.checkLogin(bob, "ubuntu", node("b", Map.of("env", "staging", "team", "core")))
                    .allowed()).isTrue();
            assertThat(checker.checkLogin(bob, "ubuntu", node("c", Map.of("env", "dev", "team", "web"))).allowed())
                    .isFalse();
            assertThat(checker.checkLogin(bob, "ubuntu", node("d", Map.of("env", "dev"))).allowed()).isFalse();
            assertThat(checker.checkLogin(bob, "ubuntu", node("e", Map.of("env", "qa", "team", "core"))).allowed())
                    .isFalse();
        }

        @Test
        void theStarKeyMatchesEveryNodeEvenUnlabelledAndTheStarValueAnyValueOfItsKey() {
            source.publish(ACCESS, role("any-env", """
                    allow:
                      logins: [ubuntu]
                      node_labels: {env: '*'}
                    """));
            SshUser bob = user("bob", List.of("access", "any-env"), Map.of("logins", List.of("bob")));
            assertThat(checker.checkLogin(bob, "bob", node("bare", Map.of())).reason())
                    .isEqualTo("allowed by role \"access\" (login \"bob\", node_labels *=*)");
            assertThat(checker.checkLogin(bob, "ubuntu", node("x", Map.of("env", "anything"))).allowed()).isTrue();
            assertThat(checker.checkLogin(bob, "ubuntu", node("bare", Map.of())).allowed()).isFalse();
        }

        @Test
        void anEmptyAllowNodeLabelsMatchesNoNode() {
            source.publish(role("logins-only", "allow:\n  logins: [ubuntu]\n"));
            SshUser bob = user("bob", List.of("logins-only"), Map.of());
            assertThat(checker.checkLogin(bob, "ubuntu", devNode).allowed()).isFalse();
            assertThat(checker.checkLogin(bob, "ubuntu", node("bare", Map.of())).allowed()).isFalse();
        }

        @Test
        void regularExpressionsMatchTheWholeValue() {
            source.publish(role("eu", """
                    allow:
                      logins: [ubuntu]
                      node_labels: {region: '^eu-.*$', tier: '^(web|db)[0-9]+$'}
                    """));
            SshUser bob = user("bob", List.of("eu"), Map.of());
            assertThat(checker.checkLogin(bob, "ubuntu", node("a", Map.of("region", "eu-west-1", "tier", "web1")))
                    .reason()).isEqualTo("allowed by role \"eu\" (login \"ubuntu\", node_labels region=eu-west-1,"
                            + " tier=web1)");
            assertThat(checker.checkLogin(bob, "ubuntu", node("b", Map.of("region", "us-east-1", "tier", "web1")))
                    .allowed()).isFalse();
            assertThat(checker.checkLogin(bob, "ubuntu", node("c", Map.of("region", "eu-west-1", "tier", "web1x")))
                    .allowed()).isFalse();
        }

        @Test
        void templatesExpandToTheUsersTraits() {
            source.publish(role("team", """
                    allow:
                      logins: ['{{internal.logins}}', '{{external.team}}-admin']
                      node_labels: {team: '{{external.team}}'}
                    """));
            SshUser carol = user("carol", List.of("team"),
                    Map.of("logins", List.of("carol"), "team", List.of("core", "web")));
            assertThat(checker.checkLogin(carol, "carol", devNode).allowed()).isTrue();
            assertThat(checker.checkLogin(carol, "web-admin", devNode).allowed()).isTrue();
            assertThat(checker.checkLogin(carol, "core-admin", node("w", Map.of("team", "web")))).satisfies(
                    decision -> assertThat(decision.allowed()).isTrue());
            assertThat(checker.checkLogin(carol, "carol", node("o", Map.of("team", "ops"))).allowed()).isFalse();
            assertThat(checker.checkLogin(carol, "root", devNode).allowed()).isFalse();
        }

        @Test
        void aTemplateWhoseTraitIsEmptyOrMissingMatchesNothing() {
            source.publish(role("team", """
                    allow:
                      logins: ['{{internal.logins}}']
                      node_labels: {team: '{{external.team}}'}
                    """));
            SshUser noTeam = user("dan", List.of("team"), Map.of("logins", List.of("dan")));
            SshUser emptyTeam = user("dan", List.of("team"), Map.of("logins", List.of("dan"), "team", List.of()));
            SshUser blankTeam = user("dan", List.of("team"), Map.of("logins", List.of("dan"), "team", List.of("")));
            SshTarget blankLabel = node("n", Map.of("team", ""));
            assertThat(checker.checkLogin(noTeam, "dan", devNode).allowed()).isFalse();
            assertThat(checker.checkLogin(emptyTeam, "dan", devNode).allowed()).isFalse();
            assertThat(checker.checkLogin(blankTeam, "dan", blankLabel).allowed()).isFalse();
            SshUser noLogins = user("dan", List.of("team"), Map.of("team", List.of("core")));
            assertThat(checker.checkLogin(noLogins, "dan", devNode).allowed()).isFalse();
            assertThat(checker.checkLogin(noLogins, null, devNode).allowed()).isFalse();
        }

        @Test
        void aDenyTemplateDeniesTheUsersOwnValues() {
            source.publish(ACCESS, role("not-own-team", """
                    deny:
                      node_labels: {team: '{{external.team}}'}
                    """));
            SshUser core = user("erin", List.of("access", "not-own-team"),
                    Map.of("logins", List.of("erin"), "team", List.of("core")));
            SshUser web = user("erin", List.of("access", "not-own-team"),
                    Map.of("logins", List.of("erin"), "team", List.of("web")));
            assertThat(checker.checkLogin(core, "erin", devNode).reason())
                    .isEqualTo("role \"not-own-team\" denies node_labels team=core");
            assertThat(checker.checkLogin(web, "erin", devNode).allowed()).isTrue();
        }

        @Test
        void withoutALoginTheNodeIsAllowedWhenSomeRoleAllowsItWithAnyLogin() {
            source.publish(DEV, PROD_DENY, role("no-logins", """
                    allow:
                      node_labels: {'*': '*'}
                    """));
            assertThat(checker.checkLogin(alice("dev"), null, devNode))
                    .isEqualTo(AccessDecision.allow("allowed by role \"dev\" (node_labels env=dev)"));
            assertThat(checker.checkLogin(alice("no-logins"), null, devNode)).isEqualTo(AccessDecision.deny(
                    "no role of alice allows any login on node-01 (roles: no-logins)"));
            assertThat(checker.checkLogin(alice("dev", "prod-deny"), null,
                    node("n", Map.of("env", "dev", "tier", "x"))).allowed()).isTrue();
            assertThat(checker.checkLogin(alice("dev", "prod-deny"), null,
                    node("n", Map.of("env", "prod"))).allowed()).isFalse();
        }

        @Test
        void withoutALoginAllowedLoginsThatAreAllDeniedAllowNothing() {
            source.publish(NO_ROOT, role("root-only", """
                    allow:
                      logins: [root]
                      node_labels: {'*': '*'}
                    """));
            SshUser bob = user("bob", List.of("root-only", "no-root"), Map.of());
            assertThat(checker.checkLogin(bob, null, devNode).allowed()).isFalse();
            assertThat(checker.checkLogin(user("bob", List.of("root-only"), Map.of()), null, devNode).allowed())
                    .isTrue();
        }

        @Test
        void aNewRevisionReplacesTheRoles() {
            source.publish(ACCESS);
            assertThat(checker.checkLogin(alice("access"), "alice", prodNode).allowed()).isTrue();
            source.publish(ACCESS.replace("'*': '*'", "env: dev"));
            assertThat(checker.checkLogin(alice("access"), "alice", prodNode).allowed()).isFalse();
        }

        @Test
        void aStoredRoleThatIsNoLongerValidDeniesEverythingToItsHolders() {
            source.publishStored(List.of(TestPolicySource.role("access", ACCESS),
                    TestPolicySource.role("broken", "kind: role\nversion: v1\nmetadata: {name: broken}\nspec: {x: 1}")));
            AccessDecision decision = checker.checkLogin(alice("access", "broken"), "alice", devNode);
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.reason()).startsWith("role \"broken\" is invalid and denies everything (role \"broken\":"
                    + " spec.x: unknown field");
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isTrue();
            assertThat(checker.userAccess("alice", List.of("access", "broken"), Map.of("logins", List.of("alice")))
                    .logins()).isEmpty();
        }
    }

    @Nested
    class Locks {

        private Lock lock(LockTargetKind kind, String value, Instant expiresAt) {
            return new Lock("l-" + kind + value, new LockTarget(kind, value), "security incident, call the SOC",
                    expiresAt, "admin", NOW.minusSeconds(60));
        }

        private void publishWith(Lock... locks) {
            source.publish(List.of(ACCESS, DEV), List.of(locks));
        }

        @Test
        void aLockOnTheUserDeniesWithItsMessage() {
            publishWith(lock(LockTargetKind.USER, "alice", null));
            AccessDecision decision = checker.checkLogin(alice("access"), "alice", devNode);
            assertThat(decision).isEqualTo(AccessDecision.deny("locked (user=alice): security incident, call the SOC"));
            assertThat(checker.lockFor(alice("access"), null, null)).isPresent();
            assertThat(checker.checkLogin(user("bob", List.of("access"), Map.of("logins", List.of("bob"))), "bob",
                    devNode).allowed()).isTrue();
        }

        @Test
        void aLockOnARoleDeniesItsHolders() {
            publishWith(lock(LockTargetKind.ROLE, "dev", null));
            assertThat(checker.checkLogin(alice("access", "dev"), "alice", devNode).reason())
                    .isEqualTo("locked (role=dev): security incident, call the SOC");
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isTrue();
        }

        @Test
        void aLockOnALoginDeniesThatLoginOnly() {
            publishWith(lock(LockTargetKind.LOGIN, "root", null));
            assertThat(checker.checkLogin(alice("access"), "root", devNode).reason())
                    .isEqualTo("locked (login=root): security incident, call the SOC");
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isTrue();
            assertThat(checker.lockFor(alice("access"), "root", devNode)).isPresent();
            assertThat(checker.lockFor(alice("access"), null, devNode)).isEmpty();
        }

        @Test
        void aLockOnANodeMatchesItsIdOrItsName() {
            publishWith(lock(LockTargetKind.NODE, "node-01", null));
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).reason())
                    .isEqualTo("locked (node=node-01): security incident, call the SOC");
            assertThat(checker.checkLogin(alice("access"), "alice", prodNode).allowed()).isTrue();
            publishWith(lock(LockTargetKind.NODE, "id-node-02", null));
            assertThat(checker.checkLogin(alice("access"), "alice", prodNode).allowed()).isFalse();
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isTrue();
        }

        @Test
        void anExpiredLockIsIgnored() {
            publishWith(lock(LockTargetKind.USER, "alice", NOW.minusSeconds(1)));
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isTrue();
            assertThat(checker.lockFor(alice("access"), "alice", devNode)).isEmpty();
            publishWith(lock(LockTargetKind.USER, "alice", NOW.plusSeconds(1)));
            assertThat(checker.checkLogin(alice("access"), "alice", devNode).allowed()).isFalse();
        }

        @Test
        void theNewestLockInForceIsTheOneReported() {
            Lock newer = new Lock("n", new LockTarget(LockTargetKind.NODE, "node-01"), "maintenance", null, "admin",
                    NOW);
            publishWith(newer, lock(LockTargetKind.USER, "alice", null));
            assertThat(checker.lockFor(alice("access"), "alice", devNode)).contains(newer);
        }

        @Test
        void locksOnTheUserOrARoleStopCertificatesAndAdministration() {
            publishWith(lock(LockTargetKind.ROLE, "dev", null));
            assertThat(checker.userAccess("alice", List.of("dev"), Map.of()).lock()).isPresent();
            assertThat(checker.userAccess("alice", List.of("access"), Map.of()).lock()).isEmpty();
            assertThat(checker.checkRule(Caller.user("alice", List.of("dev"), Map.of()), "role", "list").reason())
                    .isEqualTo("locked (role=dev): security incident, call the SOC");
        }

        @Test
        void checkActionIsDeniedUnderALock() {
            publishWith(lock(LockTargetKind.NODE, "node-01", null));
            assertThat(checker.checkAction(alice("access"), SshAction.FILE_COPY, devNode).allowed()).isFalse();
        }
    }

    @Nested
    class Options {

        private final String forwarding = role("forwarding", """
                options: {forward_agent: true, port_forwarding: true, max_session_ttl: 8h, client_idle_timeout: 30m,
                          max_sessions: 10}
                allow:
                  logins: [ubuntu]
                  node_labels: {'*': '*'}
                """);
        private final String strict = role("strict", """
                options: {port_forwarding: false, ssh_file_copy: false, max_session_ttl: 1h30m, max_sessions: 3,
                          disconnect_expired_cert: true, record_session: strict, client_idle_timeout: 2h}
                """);
        private final String unlimited = role("unlimited", """
                options: {max_sessions: 0}
                """);

        @Test
        void withoutOptionsTheDefaultsApply() {
            source.publish(ACCESS);
            SessionOptions options = checker.sessionOptions(alice("access"), devNode);
            assertThat(options).isEqualTo(new SessionOptions(Duration.ofHours(12), false, false, true, null, false, 0,
                    RecordSessionMode.BEST_EFFORT));
        }

        @Test
        void optionsCombineTheSafeWay() {
            source.publish(forwarding, strict, unlimited);
            assertThat(checker.sessionOptions(alice("forwarding"), devNode)).isEqualTo(new SessionOptions(
                    Duration.ofHours(8), true, true, true, Duration.ofMinutes(30), false, 10,
                    RecordSessionMode.BEST_EFFORT));
            SessionOptions combined = new SessionOptions(Duration.ofMinutes(90), true, false, false,
                    Duration.ofMinutes(30), true, 3, RecordSessionMode.STRICT);
            assertThat(checker.sessionOptions(alice("forwarding", "strict", "unlimited"), devNode))
                    .isEqualTo(combined);
            assertThat(checker.sessionOptions(alice("unlimited", "strict", "forwarding"), devNode))
                    .isEqualTo(combined);
        }

        @Test
        void forwardingNeedsARoleThatEnablesItAndNoneThatDisablesIt() {
            source.publish(ACCESS, forwarding, strict);
            assertThat(checker.checkAction(alice("access"), SshAction.LOCAL_PORT_FORWARDING, devNode)).isEqualTo(
                    AccessDecision.deny("no role of alice sets port_forwarding: true (roles: access)"));
            assertThat(checker.checkAction(alice("access", "forwarding"), SshAction.REMOTE_PORT_FORWARDING, devNode))
                    .isEqualTo(AccessDecision.allow("role \"forwarding\" sets port_forwarding: true"));
            assertThat(checker.checkAction(alice("access", "forwarding"), SshAction.AGENT_FORWARDING, devNode)
                    .allowed()).isTrue();
            assertThat(checker.checkAction(alice("forwarding", "strict"), SshAction.LOCAL_PORT_FORWARDING, devNode))
                    .isEqualTo(AccessDecision.deny("role \"strict\" sets port_forwarding: false"));
            assertThat(checker.checkAction(alice("forwarding", "strict"), SshAction.AGENT_FORWARDING, devNode)
                    .allowed()).isTrue();
        }

        @Test
        void fileCopyIsAllowedUnlessARoleDisablesIt() {
            source.publish(ACCESS, strict);
            assertThat(checker.checkAction(alice("access"), SshAction.FILE_COPY, devNode).allowed()).isTrue();
            assertThat(checker.checkAction(alice("access", "strict"), SshAction.FILE_COPY, devNode))
                    .isEqualTo(AccessDecision.deny("role \"strict\" sets ssh_file_copy: false"));
        }

        @Test
        void noActionWhereTheNodeIsNotAllowed() {
            source.publish(forwarding, PROD_DENY);
            assertThat(checker.checkAction(alice("forwarding", "prod-deny"), SshAction.FILE_COPY, prodNode).reason())
                    .isEqualTo("role \"prod-deny\" denies node_labels env=prod");
        }
    }

    @Nested
    class UserAccessForCertificates {

        @Test
        void loginsAreTheExpandedAllowedLoginsMinusTheDeniedOnes() {
            source.publish(DEV, NO_ROOT, role("patterns", """
                    allow:
                      logins: ['^svc-.*$', '*', deploy]
                    """));
            UserAccess access = checker.userAccess("alice", List.of("dev", "no-root", "patterns", "ghost"),
                    Map.of("logins", List.of("alice", "root", "not a login")));
            assertThat(access.logins()).containsExactly("alice", "ubuntu", "deploy");
            assertThat(access.roles()).containsExactly("dev", "no-root", "patterns");
            assertThat(access.missingRoles()).containsExactly("ghost");
            assertThat(access.lock()).isEmpty();
            assertThat(access.options().maxSessionTtl()).isEqualTo(Duration.ofHours(12));
        }

        @Test
        void noRolesNoLogins() {
            source.publish(DEV);
            assertThat(checker.userAccess("alice", List.of(), Map.of("logins", List.of("alice"))).logins()).isEmpty();
        }
    }

    @Nested
    class Rules {

        private final String editor = role("editor", """
                allow:
                  rules: [{resources: ['*'], verbs: ['*']}]
                """);
        private final String noDeletes = role("no-deletes", """
                deny:
                  rules: [{resources: [role, user], verbs: [delete]}]
                """);
        private final String sessions = role("sessions", """
                allow:
                  rules: [{resources: [session], verbs: [list, read]}]
                """);

        @Test
        void operatorsMayDoEverything() {
            assertThat(checker.checkRule(Caller.operator("karaf"), "role", "delete"))
                    .isEqualTo(AccessDecision.allow("karaf is an operator at the hub's console"));
        }

        @Test
        void anAllowRuleAllowsItsResourcesAndVerbs() {
            source.publish(sessions, editor);
            assertThat(checker.checkRule(Caller.user("bob", List.of("sessions"), Map.of()), "session", "read"))
                    .isEqualTo(AccessDecision.allow("allowed by role \"sessions\" (read on session)"));
            assertThat(checker.checkRule(Caller.user("bob", List.of("sessions"), Map.of()), "session", "delete")
                    .allowed()).isFalse();
            assertThat(checker.checkRule(Caller.user("bob", List.of("editor"), Map.of()), "cluster", "update")
                    .allowed()).isTrue();
        }

        @Test
        void aDenyRuleWins() {
            source.publish(editor, noDeletes);
            Caller bob = Caller.user("bob", List.of("editor", "no-deletes"), Map.of());
            assertThat(checker.checkRule(bob, "role", "delete"))
                    .isEqualTo(AccessDecision.deny("role \"no-deletes\" denies delete on role"));
            assertThat(checker.checkRule(bob, "token", "delete").allowed()).isTrue();
        }

        @Test
        void withoutARuleItIsDenied() {
            source.publish(ACCESS);
            assertThat(checker.checkRule(Caller.user("bob", List.of("access"), Map.of()), "role", "create"))
                    .isEqualTo(AccessDecision.deny("no role of bob allows create on role (roles: access)"));
        }

        @Test
        void thePresetsGrantWhatTheySay() {
            RoleDocumentParser parser = new RoleDocumentParser();
            source.publish(parser.presets().stream().map(p -> p.yaml()).toArray(String[]::new));
            Caller editorUser = Caller.user("ed", List.of("editor"), Map.of());
            Caller auditorUser = Caller.user("au", List.of("auditor"), Map.of());
            assertThat(checker.checkRule(editorUser, "role", "delete").allowed()).isTrue();
            assertThat(checker.checkRule(editorUser, "audit", "read").allowed()).isFalse();
            assertThat(checker.checkRule(auditorUser, "recording", "read").allowed()).isTrue();
            assertThat(checker.checkRule(auditorUser, "session", "delete").allowed()).isFalse();
            assertThat(checker.checkLogin(alice("access"), "root", prodNode).allowed()).isTrue();
            assertThat(checker.checkAction(alice("access"), SshAction.LOCAL_PORT_FORWARDING, prodNode).allowed())
                    .as("access forwards ports, as Teleport's preset does").isTrue();
            assertThat(checker.checkAction(alice("access"), SshAction.AGENT_FORWARDING, prodNode).allowed()).isTrue();
            assertThat(checker.checkLogin(alice("editor", "auditor"), "root", prodNode).allowed()).isFalse();
        }
    }
}
