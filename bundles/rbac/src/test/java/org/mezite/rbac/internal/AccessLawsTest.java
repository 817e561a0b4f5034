package org.mezite.rbac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * The laws of access decisions, on random roles, users and nodes drawn from small alphabets so that labels, logins and
 * rules do match: a deny wins whatever the order of the roles, adding an allow-only role never removes access, adding
 * a deny-only role never adds any, and combined options do not depend on the order of the roles.
 */
class AccessLawsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final List<String> LOGINS = List.of("root", "ubuntu", "alice");
    private static final List<String> LABEL_KEYS = List.of("env", "team");
    private static final List<String> LABEL_VALUES = List.of("dev", "prod", "core");
    private static final List<String> VALUE_PATTERNS = List.of("dev", "prod", "core", "'*'", "'^d.*$'",
            "'{{external.team}}'");
    private static final List<String> LOGIN_PATTERNS = List.of("root", "ubuntu", "alice", "'{{internal.logins}}'",
            "'*'", "'^u.*$'");
    private static final List<String> RESOURCES = List.of("role", "user", "node", "'*'");
    private static final List<String> VERBS = List.of("list", "delete", "update", "'*'");

    /** A role's allow or deny part as YAML lines, or empty. */
    record Side(List<String> logins, Map<String, List<String>> labels, boolean everyNode, List<String> resources,
            List<String> verbs) {

        String yaml(String side) {
            StringBuilder out = new StringBuilder();
            if (!logins.isEmpty()) {
                out.append("    logins: [").append(String.join(", ", logins)).append("]\n");
            }
            if (everyNode || !labels.isEmpty()) {
                out.append("    node_labels: {");
                List<String> entries = new ArrayList<>();
                if (everyNode) {
                    entries.add("'*': '*'");
                }
                labels.forEach((key, values) -> entries.add(key + ": [" + String.join(", ", values) + "]"));
                out.append(String.join(", ", entries)).append("}\n");
            }
            if (!resources.isEmpty() && !verbs.isEmpty()) {
                out.append("    rules: [{resources: [").append(String.join(", ", resources)).append("], verbs: [")
                        .append(String.join(", ", verbs)).append("]}]\n");
            }
            return out.length() == 0 ? "" : "  " + side + ":\n" + out;
        }
    }

    /** A role without its name: options, allow, deny. */
    record RoleSpec(List<String> options, Side allow, Side deny) {

        String yaml(String name) {
            String options = this.options.isEmpty() ? "" : "  options: {" + String.join(", ", this.options) + "}\n";
            String body = options + (allow == null ? "" : allow.yaml("allow")) + (deny == null ? "" : deny.yaml("deny"));
            return "kind: role\nversion: v1\nmetadata: {name: " + name + "}\n" + (body.isEmpty() ? "" : "spec:\n" + body);
        }

        RoleSpec allowOnly() {
            return new RoleSpec(List.of(), allow, null);
        }

        RoleSpec denyOnly() {
            return new RoleSpec(List.of(), null, deny);
        }
    }

    @Provide
    Arbitrary<Side> sides() {
        Arbitrary<List<String>> logins = Arbitraries.of(LOGIN_PATTERNS).list().ofMaxSize(3).uniqueElements();
        Arbitrary<Map<String, List<String>>> labels = Arbitraries.maps(Arbitraries.of(LABEL_KEYS),
                Arbitraries.of(VALUE_PATTERNS).list().ofMinSize(1).ofMaxSize(2)).ofMaxSize(2);
        Arbitrary<Boolean> everyNode = Arbitraries.of(true, false);
        Arbitrary<List<String>> resources = Arbitraries.of(RESOURCES).list().ofMaxSize(2).uniqueElements();
        Arbitrary<List<String>> verbs = Arbitraries.of(VERBS).list().ofMaxSize(2).uniqueElements();
        return Combinators.combine(logins, labels, everyNode, resources, verbs).as(Side::new);
    }

    @Provide
    Arbitrary<RoleSpec> roles() {
        Arbitrary<List<String>> options = Arbitraries.of("max_session_ttl: 8h", "max_session_ttl: 30m",
                "forward_agent: true", "forward_agent: false", "port_forwarding: true", "port_forwarding: false",
                "ssh_file_copy: false", "ssh_file_copy: true", "client_idle_timeout: 1h", "client_idle_timeout: 90s",
                "max_sessions: 3", "max_sessions: 0", "max_sessions: 7", "disconnect_expired_cert: true",
                "record_session: strict", "record_session: best_effort")
                .list().ofMaxSize(4).uniqueElements(option -> option.substring(0, option.indexOf(':')));
        Arbitrary<Side> side = sides();
        return Combinators.combine(options, side.injectNull(0.1), side.injectNull(0.75)).as(RoleSpec::new);
    }

    @Provide
    Arbitrary<SshTarget> nodes() {
        return Arbitraries.maps(Arbitraries.of(LABEL_KEYS), Arbitraries.of(LABEL_VALUES)).ofMinSize(1).ofMaxSize(2)
                .map(labels -> new SshTarget("id-1", "node-1", labels));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> traits() {
        Arbitrary<List<String>> logins = Arbitraries.of(LOGINS).list().ofMaxSize(2).uniqueElements();
        Arbitrary<List<String>> teams = Arbitraries.of(LABEL_VALUES).list().ofMaxSize(2).uniqueElements();
        return Combinators.combine(logins, teams).as((l, t) -> {
            Map<String, List<String>> traits = new LinkedHashMap<>();
            traits.put("logins", l);
            traits.put("team", t);
            return traits;
        });
    }

    @Provide
    Arbitrary<String> logins() {
        return Arbitraries.of("root", "ubuntu", "alice").injectNull(0.25);
    }

    @Provide
    Arbitrary<String> resources() {
        return Arbitraries.of("role", "user", "node", "session");
    }

    @Provide
    Arbitrary<String> verbs() {
        return Arbitraries.of("list", "delete", "update", "read");
    }

    /** A checker over the roles, named r0, r1, ... in the order given. */
    private static RbacAccessChecker checker(List<RoleSpec> roles) {
        TestPolicySource source = new TestPolicySource();
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            documents.add(roles.get(i).yaml("r" + i));
        }
        source.publish(documents, List.of());
        return new RbacAccessChecker(source, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("r" + i);
        }
        return names;
    }

    private static SshUser user(List<String> roles, Map<String, List<String>> traits) {
        return new SshUser("alice", roles, List.of(), Set.of(), traits, NOW.plusSeconds(600), 1);
    }

    @Property(tries = 300)
    void theDecisionDoesNotDependOnTheOrderOfTheRoles(
            @ForAll @Size(min = 1, max = 5) List<@From("roles") RoleSpec> roles,
            @ForAll("nodes") SshTarget node, @ForAll("traits") Map<String, List<String>> traits,
            @ForAll("logins") String login, @ForAll("resources") String resource, @ForAll("verbs") String verb,
            @ForAll Random random) {
        RbacAccessChecker checker = checker(roles);
        List<String> names = names(roles.size());
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, random);
        boolean allowed = checker.checkLogin(user(names, traits), login, node).allowed();
        assertThat(checker.checkLogin(user(shuffled, traits), login, node).allowed()).isEqualTo(allowed);
        // the alphabets are small so that both outcomes are common; were they not, the law would prove little
        Statistics.label("login").collect(allowed ? "allowed" : "denied")
                .coverage(coverage -> {
                    coverage.check("allowed").percentage(p -> p > 10);
                    coverage.check("denied").percentage(p -> p > 10);
                });
        assertThat(checker.checkRule(Caller.user("alice", shuffled, traits), resource, verb).allowed())
                .isEqualTo(checker.checkRule(Caller.user("alice", names, traits), resource, verb).allowed());
    }

    @Property(tries = 300)
    void aMatchingDenyWinsWhereverItsRoleIs(@ForAll @Size(max = 5) List<@From("roles") RoleSpec> roles,
            @ForAll("nodes") SshTarget node, @ForAll("traits") Map<String, List<String>> traits,
            @ForAll("logins") String login, @ForAll Random random) {
        RoleSpec denyAll = new RoleSpec(List.of(), null,
                new Side(List.of(), Map.of(), true, List.of("'*'"), List.of("'*'")));
        List<RoleSpec> all = new ArrayList<>(roles);
        all.add(random.nextInt(all.size() + 1), denyAll);
        RbacAccessChecker checker = checker(all);
        AccessDecision decision = checker.checkLogin(user(names(all.size()), traits), login, node);
        assertThat(decision.allowed()).isFalse();
        assertThat(checker.checkRule(Caller.user("alice", names(all.size()), traits), "role", "list").allowed())
                .isFalse();
        // and a deny that names the login wins too
        if (login != null) {
            RoleSpec denyLogin = new RoleSpec(List.of(), null,
                    new Side(List.of(login), Map.of(), false, List.of(), List.of()));
            List<RoleSpec> withLoginDeny = new ArrayList<>(roles);
            withLoginDeny.add(random.nextInt(withLoginDeny.size() + 1), denyLogin);
            assertThat(checker(withLoginDeny).checkLogin(user(names(withLoginDeny.size()), traits), login, node)
                    .allowed()).isFalse();
        }
    }

    @Property(tries = 300)
    void addingAnAllowRoleNeverRemovesAccess(@ForAll @Size(max = 4) List<@From("roles") RoleSpec> roles,
            @ForAll("roles") RoleSpec added, @ForAll("nodes") SshTarget node,
            @ForAll("traits") Map<String, List<String>> traits, @ForAll("logins") String login,
            @ForAll("resources") String resource, @ForAll("verbs") String verb) {
        List<RoleSpec> more = new ArrayList<>(roles);
        more.add(added.allowOnly());
        RbacAccessChecker before = checker(roles);
        RbacAccessChecker after = checker(more);
        if (before.checkLogin(user(names(roles.size()), traits), login, node).allowed()) {
            assertThat(after.checkLogin(user(names(more.size()), traits), login, node).allowed()).isTrue();
        }
        if (before.checkRule(Caller.user("alice", names(roles.size()), traits), resource, verb).allowed()) {
            assertThat(after.checkRule(Caller.user("alice", names(more.size()), traits), resource, verb).allowed())
                    .isTrue();
        }
        assertThat(after.userAccess("alice", names(more.size()), traits).logins())
                .containsAll(before.userAccess("alice", names(roles.size()), traits).logins());
    }

    @Property(tries = 300)
    void addingADenyRoleNeverAddsAccess(@ForAll @Size(max = 4) List<@From("roles") RoleSpec> roles,
            @ForAll("roles") RoleSpec added, @ForAll("nodes") SshTarget node,
            @ForAll("traits") Map<String, List<String>> traits, @ForAll("logins") String login,
            @ForAll("resources") String resource, @ForAll("verbs") String verb) {
        List<RoleSpec> more = new ArrayList<>(roles);
        more.add(added.denyOnly());
        RbacAccessChecker before = checker(roles);
        RbacAccessChecker after = checker(more);
        if (!before.checkLogin(user(names(roles.size()), traits), login, node).allowed()) {
            assertThat(after.checkLogin(user(names(more.size()), traits), login, node).allowed()).isFalse();
        }
        if (!before.checkRule(Caller.user("alice", names(roles.size()), traits), resource, verb).allowed()) {
            assertThat(after.checkRule(Caller.user("alice", names(more.size()), traits), resource, verb).allowed())
                    .isFalse();
        }
        assertThat(before.userAccess("alice", names(roles.size()), traits).logins())
                .containsAll(after.userAccess("alice", names(more.size()), traits).logins());
    }

    @Property(tries = 300)
    void combinedOptionsDoNotDependOnTheOrderOfTheRoles(@ForAll @Size(max = 5) List<@From("roles") RoleSpec> roles,
            @ForAll("nodes") SshTarget node, @ForAll Random random) {
        RbacAccessChecker checker = checker(roles);
        List<String> names = names(roles.size());
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, random);
        assertThat(checker.sessionOptions(user(shuffled, Map.of()), node))
                .isEqualTo(checker.sessionOptions(user(names, Map.of()), node));
        assertThat(checker.userAccess("alice", shuffled, Map.of()).options())
                .isEqualTo(checker.userAccess("alice", names, Map.of()).options());
    }

    @Property(tries = 100)
    void everyGeneratedRoleIsValid(@ForAll("roles") RoleSpec role) {
        assertThat(new RoleDocumentParser().parse(role.yaml("r0")).name()).isEqualTo("r0");
        assertThat(role.options().stream().map(o -> o.substring(0, o.indexOf(':'))).collect(Collectors.toSet()))
                .hasSize(role.options().size());
    }
}
