package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles and locks end to end: roles loaded from files with the console, a user whose roles deny {@code env=prod}
 * and allow {@code root} only on staging nodes, enforced by the proxy (msh and stock {@code ssh -J}), by the agent
 * when the proxy is bypassed on its own port, in {@code msh ls}; and a lock that ends a live session and the next
 * logins.
 */
@TestMethodOrder(OrderAnnotation.class)
class RbacIT {

    private static final String LOGIN = "mezite-rbac";
    private static final String DEV_ROLE = """
            kind: role
            version: v1
            metadata: {name: dev, description: "everything but production"}
            spec:
              options: {max_session_ttl: 8h, port_forwarding: true}
              allow:
                logins: ['{{internal.logins}}']
                node_labels: {'*': '*'}
              deny:
                node_labels: {env: prod}
            """;
    private static final String STAGING_ROOT_ROLE = """
            kind: role
            version: v1
            metadata: {name: staging-root}
            spec:
              allow:
                logins: [root]
                node_labels: {env: [staging, qa]}
            """;

    @TempDir
    static Path dir;

    static Mezhub hub;
    static Agents agents;
    static Msh admin;
    static Msh bob;
    static int devSshPort;

    @BeforeAll
    static void aHubTwoAgentsRolesAndUsers() throws Exception {
        Commands.ensureUnixUser(LOGIN);
        hub = Mezhub.install(dir.resolve("hub"));
        hub.startAndAwaitHealthy();
        createRole("dev.yaml", DEV_ROLE);
        createRole("staging-root.yaml", STAGING_ROOT_ROLE);

        admin = new Msh(dir, dir.resolve("admin-msh"));
        admin.signUpAndLogIn(hub, "carol", "--roles access --logins " + LOGIN);
        bob = new Msh(dir, dir.resolve("bob-msh"));
        bob.signUpAndLogIn(hub, "bob", "--roles dev,staging-root --logins " + LOGIN);

        agents = new Agents(hub, dir);
        devSshPort = Mezhub.freePort();
        agents.start("node-dev", "env=dev", "ssh_listen = 127.0.0.1:" + devSshPort);
        agents.start("node-prod", "env=prod");
        agents.awaitOnline(admin, "node-dev", true);
        agents.awaitOnline(admin, "node-prod", true);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (hub != null) {
            hub.close();
        }
        Commands.removeUnixUser(LOGIN);
    }

    @Test
    @Order(1)
    void theRolesAreStoredAsWritten() throws Exception {
        Mezhub.ClientResult list = hub.client("mezite:role-list");
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("dev").contains("staging-root").contains("access").contains("editor")
                .contains("auditor");
        Mezhub.ClientResult get = hub.client("mezite:role-get dev");
        assertThat(get.exitCode()).as(get.output()).isZero();
        assertThat(get.output()).contains("'{{internal.logins}}'").contains("env: prod");
    }

    @Test
    @Order(2)
    void lsShowsOnlyTheNodesTheRolesAllow() throws Exception {
        Msh.Run bobs = bob.run("ls", "--format", "json");
        assertThat(bobs.exitCode()).as(bobs.err()).isZero();
        assertThat(bobs.out()).contains("\"node-dev\"").doesNotContain("node-prod");

        Msh.Run carols = admin.run("ls", "--format", "json");
        assertThat(carols.out()).contains("\"node-dev\"").contains("\"node-prod\"");
    }

    @Test
    @Order(3)
    void aDeniedNodeIsRefusedToMshAndToStockSsh() throws Exception {
        Msh.Run prod = bob.run("ssh", LOGIN + "@node-prod", "true");
        assertThat(prod.exitCode()).isEqualTo(255);
        assertThat(prod.err()).contains("access to node \"node-prod\" denied").contains("role \"dev\"");

        Msh.Run dev = bob.run("ssh", LOGIN + "@node-dev", "id -un");
        assertThat(dev.exitCode()).as(dev.err()).isZero();
        assertThat(dev.out()).isEqualTo(LOGIN + "\n");

        Path config = sshConfig(bob, "bob_ssh_config");
        Result stockProd = exec(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes",
                LOGIN + "@node-prod." + Agents.CLUSTER, "true"));
        assertThat(stockProd.exitCode()).as(stockProd.output()).isEqualTo(255);
        assertThat(stockProd.output()).contains("denied");

        Result stockDev = exec(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes",
                LOGIN + "@node-dev." + Agents.CLUSTER, "id -un"));
        assertThat(stockDev.exitCode()).as(stockDev.output()).isZero();
        assertThat(stockDev.output()).contains(LOGIN);
    }

    @Test
    @Order(4)
    void aLoginOutsideTheAllowedSetIsRefusedAtTheProxyAndAtTheAgent() throws Exception {
        Path config = sshConfig(bob, "bob_ssh_config");
        String certificate = Commands.find("CertificateFile \"([^\"]+)\"", Files.readString(config))
                .replaceAll("^CertificateFile \"|\"$", "");
        assertThat(Commands.run(List.of("ssh-keygen", "-L", "-f", certificate)))
                .as("staging-root puts root in the certificate").containsPattern("(?m)^\\s+root$");

        Msh.Run proxied = bob.run("ssh", "root@node-dev", "true");
        assertThat(proxied.exitCode()).isEqualTo(255);
        assertThat(proxied.err()).contains("access to node \"node-dev\" denied").contains("\"root\"");

        // straight to the agent's own SSH port, past the proxy: the agent decides the same
        List<String> direct = new ArrayList<>(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "-o",
                "ProxyJump=none", "-o", "HostName=127.0.0.1", "-o", "HostKeyAlias=node-dev." + Agents.CLUSTER,
                "-p", String.valueOf(devSshPort)));
        Result asLogin = exec(concat(direct, LOGIN + "@node-dev." + Agents.CLUSTER, "id -un"));
        assertThat(asLogin.exitCode()).as("the direct path itself works: " + asLogin.output()).isZero();
        assertThat(asLogin.output()).contains(LOGIN);

        Result asRoot = exec(concat(direct, "root@node-dev." + Agents.CLUSTER, "id -un"));
        assertThat(asRoot.exitCode()).as(asRoot.output()).isEqualTo(255);
        assertThat(asRoot.output()).contains("Permission denied").doesNotContain("\nroot\n");
    }

    @Test
    @Order(5)
    void aLockEndsALiveSessionAndTheNextLoginsUntilItIsRemoved() throws Exception {
        try (Tmux tmux = new Tmux(dir, "rbac-it", 100, 30)) {
            tmux.start(bob, "ssh " + LOGIN + "@node-dev");
            tmux.awaitScreen(Pattern.compile("[$#] ?$", Pattern.MULTILINE));
            tmux.type("echo still-$((40+2))");
            tmux.awaitScreen(Pattern.compile("^still-42$", Pattern.MULTILINE));

            long start = System.nanoTime();
            Mezhub.ClientResult lock = hub.client("mezite:lock-add --user bob --message \"incident-42 under review\"");
            assertThat(lock.exitCode()).as(lock.output()).isZero();
            String screen = tmux.awaitScreen(Pattern.compile("^MSH-EXIT=[0-9]+$", Pattern.MULTILINE));
            System.out.printf("RbacIT: the lock ended the live session after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertThat(screen).contains("incident-42 under review");
        }

        Msh.Run next = bob.run("ssh", LOGIN + "@node-dev", "true");
        assertThat(next.exitCode()).isEqualTo(255);
        assertThat(next.err()).contains("locked").contains("incident-42 under review");

        Msh.Run login = bob.logInAgain();
        assertThat(login.exitCode()).isNotZero();
        assertThat(login.out() + login.err()).contains("incident-42 under review");

        Mezhub.ClientResult locks = hub.client("mezite:lock-list --format json");
        assertThat(locks.exitCode()).as(locks.output()).isZero();
        assertThat(locks.output()).contains("bob").contains("incident-42 under review");
        String id = Commands.find("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", locks.output());
        Mezhub.ClientResult removed = hub.client("mezite:lock-rm " + id);
        assertThat(removed.exitCode()).as(removed.output()).isZero();

        Msh.Run works = awaitSsh("echo unlocked");
        assertThat(works.exitCode()).as(works.err()).isZero();
        assertThat(works.out()).isEqualTo("unlocked\n");
        Msh.Run again = bob.logInAgain();
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record Result(int exitCode, String output) {
    }

    private static void createRole(String file, String yaml) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, yaml);
        Mezhub.ClientResult created = hub.client("mezite:role-create -f " + path);
        assertThat(created.exitCode()).as(created.output()).isZero();
    }

    /** The lock's removal reaches the proxy's and the agent's policy within a second or two; wait until it has. */
    private static Msh.Run awaitSsh(String command) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Msh.Run last;
        do {
            last = bob.run("ssh", LOGIN + "@node-dev", command);
            if (last.exitCode() == 0) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static Path sshConfig(Msh user, String name) throws Exception {
        Msh.Run config = user.run("config");
        assertThat(config.exitCode()).as(config.err()).isZero();
        Path file = dir.resolve(name);
        Files.writeString(file, config.out());
        return file;
    }

    private static List<String> concat(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    private static Result exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command + " finishes").isTrue();
        return new Result(process.exitValue(), output);
    }
}
