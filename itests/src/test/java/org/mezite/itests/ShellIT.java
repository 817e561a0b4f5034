package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code mezite:*} console command, through {@code bin/client} against the running distribution as an
 * operator scripts it: what each prints, {@code --format json} on listings, and the one-line error for bad input.
 */
class ShellIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String LOGIN = "mezite-shell";

    @TempDir
    static Path dir;

    static Mezhub hub;
    static Agents agents;
    static Msh alice;

    @BeforeAll
    static void aHubWithAnAgentAndAUser() throws Exception {
        Commands.ensureUnixUser(LOGIN);
        hub = Mezhub.install(dir.resolve("hub"));
        hub.startAndAwaitHealthy();
        alice = new Msh(dir, dir.resolve("alice-msh"));
        alice.signUpAndLogIn(hub, "alice", "--roles access --logins " + LOGIN);
        agents = new Agents(hub, dir);
        agents.start("shell-node", "env=dev");
        agents.awaitOnline(alice, "shell-node", true);
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
    void users() throws Exception {
        assertThat(ok("mezite:user-add dora --roles access --logins dora,ubuntu")).contains("User \"dora\" created.")
                .containsPattern("Invite token: [0-9a-f]{64}");
        assertThat(fails("mezite:user-add dora --roles access")).contains("dora");
        assertThat(fails("mezite:user-add eve --roles nope")).contains("role \"nope\" does not exist");

        assertThat(ok("mezite:user-get dora --format json")).contains("\"dora\"").contains("\"access\"")
                .contains("\"ubuntu\"");
        ok("mezite:user-update dora --roles editor,access --logins dora");
        String updated = ok("mezite:user-get dora");
        assertThat(updated).contains("editor").doesNotContain("ubuntu");
        assertThat(fails("mezite:user-update ghost --roles access")).contains("ghost");
        assertThat(fails("mezite:user-update dora --roles nope")).contains("role \"nope\" does not exist");

        assertThat(ok("mezite:user-list")).contains("dora").contains("alice");
        assertThat(ok("mezite:user-list --format json")).contains("\"dora\"").contains("\"alice\"");
        assertThat(ok("mezite:user-reset dora")).containsPattern("Invite token: [0-9a-f]{64}");

        ok("mezite:user-rm dora");
        assertThat(ok("mezite:user-list")).doesNotContain("dora");
        assertThat(fails("mezite:user-rm dora")).contains("dora");
        assertThat(fails("mezite:user-get dora")).contains("dora");
    }

    @Test
    void roles() throws Exception {
        Path ops = write("ops.yaml", """
                kind: role
                version: v1
                metadata: {name: ops, description: "operations"}
                spec:
                  allow:
                    logins: [ops]
                    node_labels: {env: [dev, staging]}
                """);
        ok("mezite:role-create -f " + ops);
        assertThat(fails("mezite:role-create -f " + ops)).contains("ops");
        ok("mezite:role-create --replace -f " + ops);

        Path changed = write("ops2.yaml", """
                kind: role
                version: v1
                metadata: {name: ops, description: "operations, now with qa"}
                spec:
                  allow:
                    logins: [ops]
                    node_labels: {env: [dev, staging, qa]}
                """);
        ok("mezite:role-update -f " + changed);
        assertThat(ok("mezite:role-get ops")).contains("qa").contains("operations, now with qa");
        assertThat(ok("mezite:role-list")).contains("ops").contains("access").contains("editor").contains("auditor");
        assertThat(ok("mezite:role-list --format json")).contains("\"ops\"").contains("\"auditor\"");

        Path badRegex = write("bad.yaml", """
                kind: role
                version: v1
                metadata: {name: bad}
                spec:
                  allow:
                    logins: [x]
                    node_labels: {region: '^(eu'}
                """);
        assertThat(fails("mezite:role-create -f " + badRegex)).contains("role \"bad\"")
                .contains("spec.allow.node_labels").contains("region").contains("^(eu");
        Path unknownField = write("typo.yaml", """
                kind: role
                version: v1
                metadata: {name: typo}
                spec:
                  allow:
                    login: [x]
                """);
        assertThat(fails("mezite:role-create -f " + unknownField)).contains("role \"typo\"").contains("login");
        Path badVariable = write("var.yaml", """
                kind: role
                version: v1
                metadata: {name: var}
                spec:
                  allow:
                    logins: ['{{internal.nonsense}}']
                    node_labels: {'*': '*'}
                """);
        assertThat(fails("mezite:role-create -f " + badVariable)).contains("role \"var\"")
                .contains("internal.nonsense");
        assertThat(fails("mezite:role-create -f " + dir.resolve("missing.yaml"))).contains("missing.yaml");
        assertThat(ok("mezite:role-list")).doesNotContain("typo").doesNotContain("bad ");

        Path piped = write("piped.yaml", """
                kind: role
                version: v1
                metadata: {name: piped}
                spec:
                  allow:
                    rules: [{resources: [session], verbs: [list, read]}]
                """);
        ok("cat " + piped + " | mezite:role-create");
        assertThat(ok("mezite:role-get piped")).contains("session");

        ok("mezite:user-add frank --roles ops --logins frank");
        assertThat(fails("mezite:role-rm ops")).contains("frank");
        ok("mezite:user-rm frank");
        ok("mezite:role-rm ops");
        ok("mezite:role-rm piped");
        assertThat(fails("mezite:role-get ops")).contains("ops");
    }

    @Test
    void theRoleFileOfTheDocsWorksAsWritten() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "rbac.md"));
        int start = doc.indexOf("```yaml\n");
        assertThat(start).as("docs/rbac.md has a YAML example").isNotNegative();
        String yaml = doc.substring(start + "```yaml\n".length(), doc.indexOf("```", start + 7));
        String name = Commands.find("(?m)^  name: \\S+$", yaml).replaceAll("^  name: ", "");
        ok("mezite:role-create -f " + write("from-docs.yaml", yaml));
        assertThat(ok("mezite:role-get " + name).replace("\r\n", "\n")).as("kept as the admin wrote it")
                .contains(yaml.strip());
        ok("mezite:role-rm " + name);
    }

    @Test
    void tokensAndNodes() throws Exception {
        String added = ok("mezite:token-add --labels env=test --ttl 10m");
        assertThat(added).containsPattern("\\b[0-9a-f]{64}\\b").containsPattern("sha256:[0-9a-f]{64}");
        String list = ok("mezite:token-list --format json");
        assertThat(list).contains("env");
        String id = Commands.find("\"id\"\\s*:\\s*\"[^\"]+\"", list).replaceAll("^\"id\"\\s*:\\s*\"|\"$", "");
        ok("mezite:token-rm " + id);
        assertThat(ok("mezite:token-list")).doesNotContain(id);
        assertThat(fails("mezite:token-rm " + id)).contains(id);
        assertThat(fails("mezite:token-add --ttl forever")).contains("forever");

        assertThat(ok("mezite:node-list")).contains("shell-node").contains("env=dev");
        assertThat(ok("mezite:node-list --format json")).contains("\"shell-node\"");
        assertThat(fails("mezite:node-rm no-such-node")).contains("no-such-node");
        ok("mezite:node-rm --stale 1h");
        assertThat(ok("mezite:node-list")).as("a node with fresh heartbeats is not stale").contains("shell-node");
    }

    @Test
    void locks() throws Exception {
        ok("mezite:lock-add --user mallory --ttl 1h --message \"under review\"");
        ok("mezite:lock-add --node shell-node --ttl 30m");
        String list = ok("mezite:lock-list --format json");
        assertThat(list).contains("mallory").contains("under review");
        assertThat(ok("mezite:lock-list")).contains("user=mallory");

        assertThat(fails("mezite:lock-add --message nothing")).contains("--user");
        assertThat(fails("mezite:lock-add --user x --ttl -5m")).contains("-5m");
        assertThat(fails("mezite:lock-add --user x --ttl soon")).contains("soon");

        List<String> ids = Pattern.compile("\"id\"\\s*:\\s*\"(" + UUID + ")\"").matcher(list).results()
                .map(m -> m.group(1)).toList();
        assertThat(ids).as("the two locks just added:\n" + list).hasSize(2);
        for (String id : ids) {
            ok("mezite:lock-rm " + id);
            assertThat(fails("mezite:lock-rm " + id)).contains(id);
        }
        assertThat(ok("mezite:lock-list")).doesNotContain("mallory").doesNotContain("shell-node");
    }

    @Test
    void sessions() throws Exception {
        Process session = alice.start(List.of("ssh", LOGIN + "@shell-node", "echo started; sleep 300"));
        String id = awaitActiveSession();
        assertThat(ok("mezite:session-list")).contains("alice").contains(LOGIN).contains("shell-node");

        ok("mezite:session-terminate " + id + " --message \"maintenance window\"");
        assertThat(session.waitFor(60, TimeUnit.SECONDS)).as("the terminated session ends").isTrue();
        String output = new String(session.getInputStream().readAllBytes()) + alice.errors(session);
        assertThat(output).contains("maintenance window");
        assertThat(fails("mezite:session-terminate no-such-session")).contains("no-such-session");
    }

    @Test
    void certificateAuthoritiesAndStatus() throws Exception {
        String cas = ok("mezite:ca-list --format json");
        assertThat(cas).contains("\"user\"").contains("\"host\"").containsPattern("ssh-ed25519 AAAA")
                .containsPattern("sha256:[0-9a-f]{64}");
        assertThat(ok("mezite:ca-list")).contains("user").contains("host").contains("SHA256:");
        assertThat(ok("mezite:status --format json")).contains("\"healthy\"");
    }

    @Test
    void onlyTheAdminRoleMayRunTheCommands() throws Exception {
        Path users = hub.home.resolve("etc/users.properties");
        Files.writeString(users, Files.readString(users) + "\nviewer = viewer-password,viewer\n");
        Mezhub.ClientResult refused = hub.clientAs("viewer", "viewer-password", "mezite:user-list");
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).doesNotContain("alice");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String awaitActiveSession() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = ok("mezite:session-list --format json");
            var matcher = Pattern.compile(UUID).matcher(last);
            if (last.contains(LOGIN) && matcher.find()) {
                return matcher.group();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no active session listed within a minute; last:\n" + last);
    }

    private static Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String ok(String command) throws Exception {
        Mezhub.ClientResult result = hub.client(command);
        assertThat(result.exitCode()).as(command + ":\n" + result.output()).isZero();
        assertThat(result.output()).as(command).doesNotContain("Exception");
        return result.output();
    }

    /** A command that must fail with a one-line error and no stack trace. */
    private static String fails(String command) throws Exception {
        Mezhub.ClientResult result = hub.client(command);
        assertThat(result.exitCode()).as(command + " fails:\n" + result.output()).isNotZero();
        assertThat(result.output()).as(command).contains("Error executing command").doesNotContain("\tat ");
        return result.output();
    }
}
