package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining end to end: a real mezhub, {@code mezite:token-add} on its console, and the built mezd started
 * with the configuration the token's output describes, as an operator would do it.
 */
abstract class JoinScenarios {

    private static final Pattern TOKEN = Pattern.compile("\\b[0-9a-f]{64}\\b");
    private static final Pattern PIN = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String JOINED = "joined cluster mezite as node ([0-9a-f-]{36})";

    @TempDir
    static Path hubDir;

    /** The hub under test, started by the subclass: {@link JoinIT} on SQLite, {@link JoinOnPostgresIT} on PostgreSQL. */
    static Mezhub hub;

    @TempDir
    Path dir;

    private final List<MezdProcess> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (MezdProcess agent : agents) {
            agent.kill();
        }
    }

    @Test
    void aNodeJoinsWithAValidTokenIsListedOnlineAndRestartsWithoutIt() throws Exception {
        Token token = tokenAdd("--labels env=dev");
        Path dataDir = dir.resolve("data");
        Path config = config("it-node-1", dataDir, "labels = team=qa", "token = " + token.value(),
                "ca_pin = " + token.pin());

        MezdProcess agent = start(config);
        String nodeId = agent.awaitGroup(JOINED);
        agent.await("hub 127\\.0\\.0\\.1:" + hub.authPort + " reachable: node it-node-1 \\(" + nodeId
                + "\\) online in cluster mezite");

        String nodes = hub.client("mezite:node-list").output();
        assertThat(nodes.lines().filter(line -> line.contains("it-node-1"))).singleElement()
                .satisfies(row -> assertThat(row).contains(nodeId, "online", "env=dev", "team=qa", "127.0.0.1"));
        Path identity = dataDir.resolve("identity");
        for (String key : List.of("ssh_host_ed25519_key", "tls_key.pem")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.resolve(key))))
                    .as(key).isEqualTo("rw-------");
        }
        assertThat(Files.readString(identity.resolve("ssh_host_ed25519_key-cert.pub")))
                .startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(agent.stop()).as(agent.text()).isZero();

        // the used token may stay in the configuration: the saved identity is what counts now
        MezdProcess again = start(config);
        again.await("node it-node-1 is node " + nodeId + " of cluster mezite .*the token in the configuration is not"
                + " needed any more");
        again.await("hub .* reachable: node it-node-1 \\(" + nodeId + "\\) online");
        assertThat(again.stop()).as(again.text()).isZero();

        MezdProcess withoutToken = start(config("it-node-1", dataDir, "labels = team=qa"));
        withoutToken.await("hub .* reachable: node it-node-1 \\(" + nodeId + "\\) online");
        assertThat(withoutToken.stop()).as(withoutToken.text()).isZero();
        assertThat(withoutToken.text()).doesNotContain(" ERROR ");
        assertThat(hub.client("mezite:node-list").output().lines().filter(line -> line.contains("it-node-1")))
                .as("restarts keep the node, they do not join it again").hasSize(1);
    }

    @Test
    void aTokenWorksOnlyOnce() throws Exception {
        Token token = tokenAdd("");
        MezdProcess first = start(config("it-node-2", dir.resolve("first"), "token = " + token.value(),
                "ca_pin = " + token.pin()));
        first.awaitGroup(JOINED);

        MezdProcess second = start(config("it-node-3", dir.resolve("second"), "token = " + token.value(),
                "ca_pin = " + token.pin()));

        assertThat(second.awaitExit()).as(second.text()).isEqualTo(1);
        assertThat(second.lines()).last().asString()
                .isEqualTo("mezd: stopped: the hub refused to let this node join: join token already used");
        assertThat(dir.resolve("second/identity")).doesNotExist();
        assertThat(hub.client("mezite:node-list").output()).doesNotContain("it-node-3");
        first.stop();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Token token = tokenAdd("--ttl 1s");
        // let it expire: the refusal is what this test is about, not how soon it comes
        Thread.sleep(2_000);

        MezdProcess agent = start(config("it-node-4", dir.resolve("data"), "token = " + token.value(),
                "ca_pin = " + token.pin()));

        assertThat(agent.awaitExit()).as(agent.text()).isEqualTo(1);
        assertThat(agent.lines()).last().asString()
                .isEqualTo("mezd: stopped: the hub refused to let this node join: join token expired");
    }

    @Test
    void aHubWhoseCaIsNotThePinnedOneIsRefusedAndTheTokenStaysUnused() throws Exception {
        Token token = tokenAdd("");
        String wrongPin = "sha256:" + "0".repeat(64);

        MezdProcess agent = start(config("it-node-5", dir.resolve("wrong"), "token = " + token.value(),
                "ca_pin = " + wrongPin));

        assertThat(agent.awaitExit()).as(agent.text()).isEqualTo(1);
        assertThat(agent.lines()).last().asString().isEqualTo("mezd: stopped: the hub's CA does not match ca_pin "
                + wrongPin + " (the hub's CA is " + token.pin() + ")");
        assertThat(dir.resolve("wrong/identity")).doesNotExist();

        MezdProcess right = start(config("it-node-5", dir.resolve("right"), "token = " + token.value(),
                "ca_pin = " + token.pin()));
        right.awaitGroup(JOINED);
        right.stop();
    }

    private record Token(String value, String pin) {
    }

    /** {@code mezite:token-add}, and the token and CA pin from what it prints. */
    private static Token tokenAdd(String options) throws Exception {
        Mezhub.ClientResult result = hub.client(("mezite:token-add " + options).strip());
        assertThat(result.exitCode()).as(result.output()).isZero();
        Matcher token = TOKEN.matcher(result.output());
        Matcher pin = PIN.matcher(result.output());
        assertThat(token.find() && pin.find()).as("a token and a CA pin in:\n" + result.output()).isTrue();
        return new Token(token.group(), pin.group());
    }

    private Path config(String nodeName, Path dataDir, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of("node_name = " + nodeName, "hub = 127.0.0.1:" + hub.authPort,
                "proxy = 127.0.0.1:" + hub.tunnelPort, "data_dir = " + dataDir));
        lines.addAll(List.of(more));
        Path file = Files.createTempFile(dir, "mezd", ".conf");
        Files.write(file, lines);
        return file;
    }

    private MezdProcess start(Path config) throws IOException {
        MezdProcess agent = MezdProcess.start(config);
        agents.add(agent);
        return agent;
    }
}
