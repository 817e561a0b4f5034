package org.mezite.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.store.Role;
import org.mezite.rbac.internal.RbacAccessChecker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Access decisions per second on one core: {@code checkLogin} for a user with five roles against a node with ten
 * labels, the roles mixing literal values, regular expressions, wildcards and templates, as the proxy and the agent
 * ask it for every session. Run by {@code scripts/bench-rbac.sh}.
 *
 * <p>Each decision walks all five roles: {@code allowed} is allowed by the fourth role (a template on the user's team,
 * after a regex role that does not match), {@code deniedByLogin} is denied by a role's {@code deny.logins},
 * {@code deniedByDefault} finds no role allowing the login, and {@code anyLogin} is the proxy's question without a
 * login ({@code msh ls}, ProxyJump).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccessDecisionBenchmark {

    private static final List<String> ROLES = List.of(
            """
            kind: role
            version: v1
            metadata: {name: prod-deny}
            spec:
              deny:
                node_labels: {env: prod}
            """,
            """
            kind: role
            version: v1
            metadata: {name: eu-db}
            spec:
              options: {max_session_ttl: 8h}
              allow:
                logins: [dba, postgres]
                node_labels: {region: '^eu-(west|central)-[0-9]$', tier: [db, cache]}
            """,
            """
            kind: role
            version: v1
            metadata: {name: compliance}
            spec:
              deny:
                logins: [root, admin]
                node_labels: {compliance: '^pci-.*$'}
            """,
            """
            kind: role
            version: v1
            metadata: {name: team}
            spec:
              allow:
                logins: ['{{internal.logins}}', ubuntu]
                node_labels: {team: '{{external.team}}', env: [dev, staging, qa]}
            """,
            """
            kind: role
            version: v1
            metadata: {name: ops-readonly}
            spec:
              options: {port_forwarding: false}
              allow:
                logins: [observer]
                node_labels: {'*': '*'}
            """);

    private AccessChecker checker;
    private SshUser user;
    private SshTarget node;

    @Setup
    public void setUp() {
        Instant now = Instant.now();
        List<Role> roles = ROLES.stream()
                .map(yaml -> new Role(UUID.randomUUID().toString(), name(yaml), yaml, now, now))
                .toList();
        AccessPolicy policy = new AccessPolicy(1, roles, List.of(), List.of());
        checker = new RbacAccessChecker(new FixedPolicy(policy));
        user = new SshUser("alice", List.of("prod-deny", "eu-db", "compliance", "team", "ops-readonly"), List.of(),
                Set.of(), Map.of("logins", List.of("alice", "ubuntu"), "team", List.of("payments", "core")),
                now.plusSeconds(3600), 1);
        node = new SshTarget("6d2c0f4e-node", "node-01", Map.of("env", "staging", "region", "eu-west-1", "team", "core",
                "tier", "web", "os", "debian", "arch", "amd64", "zone", "b", "rack", "r12", "owner", "platform",
                "compliance", "none"));
        check(checker.checkLogin(user, "alice", node), true);
        check(checker.checkLogin(user, "root", node), false);
        check(checker.checkLogin(user, "postgres", node), false);
        check(checker.checkLogin(user, null, node), true);
    }

    private static String name(String yaml) {
        String marker = "metadata: {name: ";
        int start = yaml.indexOf(marker) + marker.length();
        return yaml.substring(start, yaml.indexOf('}', start));
    }

    private static void check(AccessDecision decision, boolean expected) {
        if (decision.allowed() != expected) {
            throw new IllegalStateException("unexpected decision: " + decision);
        }
    }

    @Benchmark
    public AccessDecision allowed() {
        return checker.checkLogin(user, "alice", node);
    }

    @Benchmark
    public AccessDecision deniedByLogin() {
        return checker.checkLogin(user, "root", node);
    }

    @Benchmark
    public AccessDecision deniedByDefault() {
        return checker.checkLogin(user, "postgres", node);
    }

    @Benchmark
    public AccessDecision anyLogin() {
        return checker.checkLogin(user, null, node);
    }

    /** The policy as Auth would publish it, never changing. */
    private record FixedPolicy(AccessPolicy policy) implements AccessPolicySource {

        @Override
        public AccessPolicy current() {
            return policy;
        }

        @Override
        public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
            listener.accept(policy);
            return () -> { };
        }
    }
}
