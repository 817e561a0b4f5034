package org.mezite.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigParserTest {

    private static final Path FILE = Path.of("/etc/mezd/mezd.conf");
    private static final String TOKEN = "0123456789abcdef".repeat(4);
    private static final String HEX = "fedcba9876543210".repeat(4);

    @Test
    void readsEveryKeyIgnoringCommentsBlankLinesAndSpacing() throws ConfigException {
        AgentConfig config = parse(
                "# the node",
                "node_name = node-01",
                "",
                "   hub=hub.example.com:3025   ",
                "data_dir = /var/lib/mezd",
                "labels = env=prod, team=db");

        assertThat(config.nodeName()).isEqualTo("node-01");
        assertThat(config.hub()).contains("hub.example.com:3025");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/mezd"));
        assertThat(config.labels()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "db"));
    }

    @Test
    void onlyTheNodeNameIsRequired() throws ConfigException {
        AgentConfig config = parse("node_name = node-01");

        assertThat(config.hub()).isEqualTo(Optional.empty());
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/mezd"));
        assertThat(config.labels()).isEmpty();
    }

    @Test
    void aRelativeDataDirIsTakenFromTheConfigFilesFolder() throws ConfigException {
        assertThat(parse("node_name = n", "data_dir = state").dataDir()).isEqualTo(Path.of("/etc/mezd/state"));
    }

    @Test
    void acceptsBracketedIpv6HubAddresses() throws ConfigException {
        assertThat(parse("node_name = n", "hub = [::1]:3025").hub()).contains("[::1]:3025");
    }

    @Test
    void handsTheSettingsToTheAgentBundleAsFrameworkProperties() throws ConfigException {
        assertThat(parse("node_name = node-01", "hub = hub:3025", "data_dir = /d", "labels = b=2,a=1")
                .frameworkProperties()).containsExactly(
                        Map.entry("mezite.agent.node_name", "node-01"),
                        Map.entry("mezite.agent.hub", "hub:3025"),
                        Map.entry("mezite.agent.data_dir", "/d"),
                        Map.entry("mezite.agent.labels", "b=2,a=1"));
    }

    @Test
    void readsTheJoinTokenAndTheCaPinAndHandsThemOn() throws ConfigException {
        AgentConfig config = parse("node_name = node-01", "hub = hub:3025", "token = " + TOKEN.toUpperCase(),
                "ca_pin = SHA256:" + HEX.toUpperCase());

        assertThat(config.token()).contains(TOKEN);
        assertThat(config.caPin()).contains("sha256:" + HEX);
        assertThat(config.frameworkProperties()).containsEntry("mezite.agent.token", TOKEN)
                .containsEntry("mezite.agent.ca_pin", "sha256:" + HEX);
        assertThat(config.toString()).doesNotContain(TOKEN);
        assertThat(parse("node_name = n").frameworkProperties()).doesNotContainKeys("mezite.agent.token",
                "mezite.agent.ca_pin");
    }

    @Test
    void aTokenNeedsTheHubAndTheCaPinAndIsNeverRepeatedInAMessage() {
        assertError(List.of("node_name = n", "hub = hub:3025", "token = " + TOKEN.substring(1), "ca_pin = sha256:" + HEX),
                "/etc/mezd/mezd.conf line 3: token: must be the 64 hex digits that mezite:token-add printed");
        assertError(List.of("node_name = n", "token = " + TOKEN, "ca_pin = sha256:" + HEX),
                "/etc/mezd/mezd.conf line 2: token: set hub too, the hub to join");
        assertError(List.of("node_name = n", "hub = hub:3025", "token = " + TOKEN),
                "/etc/mezd/mezd.conf line 3: token: set ca_pin too, so that the agent can tell the real hub"
                        + " (mezite:token-add prints both)");
        assertError(List.of("node_name = n", "hub = hub:3025", "ca_pin = " + HEX),
                "/etc/mezd/mezd.conf line 3: ca_pin: \"" + HEX + "\" must be sha256: and 64 hex digits, as"
                        + " mezite:token-add prints it");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheKnownKeys() {
        assertError(List.of("node_name = n", "nodename = x"),
                "/etc/mezd/mezd.conf line 2: unknown key \"nodename\" (known keys: node_name, hub, data_dir, labels, token,"
                        + " ca_pin, proxy, ssh_listen, client_idle_timeout)");
    }

    @Test
    void theNetworkSettingsReachTheAgentBundleAsTheyAre() throws ConfigException {
        AgentConfig config = parse("node_name = n", "hub = hub:3025", "proxy = proxy.example.com:3024",
                "ssh_listen = 127.0.0.1:3022", "client_idle_timeout = 30m");

        assertThat(config.frameworkProperties()).containsEntry("mezite.agent.proxy", "proxy.example.com:3024")
                .containsEntry("mezite.agent.ssh_listen", "127.0.0.1:3022")
                .containsEntry("mezite.agent.client_idle_timeout", "30m");
        assertThat(parse("node_name = n").frameworkProperties()).doesNotContainKeys("mezite.agent.proxy",
                "mezite.agent.ssh_listen", "mezite.agent.client_idle_timeout");
    }

    @Test
    void badNetworkSettingsAreNamedWithTheirKeyAndLine() {
        assertError(List.of("node_name = n", "proxy = proxy"), "/etc/mezd/mezd.conf line 2: proxy: \"proxy\" must"
                + " be HOST:PORT of the proxy's tunnel listener, e.g. hub.example.com:3024");
        assertError(List.of("node_name = n", "ssh_listen = :22"), "/etc/mezd/mezd.conf line 2: ssh_listen: \":22\""
                + " must be HOST:PORT to listen on for direct SSH, e.g. 0.0.0.0:3022");
        assertError(List.of("node_name = n", "client_idle_timeout = 30"), "/etc/mezd/mezd.conf line 2:"
                + " client_idle_timeout: \"30\" must be a number and s, m or h, e.g. 30m");
    }

    @Test
    void badValuesAreNamedWithTheirKeyAndLine() {
        assertError(List.of("node_name = node 01"), "/etc/mezd/mezd.conf line 1: node_name: \"node 01\" must be"
                + " 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        assertError(List.of("node_name = n", "", "hub = hub.example.com"), "/etc/mezd/mezd.conf line 3: hub:"
                + " \"hub.example.com\" must be HOST:PORT of the hub's Auth service, e.g. hub.example.com:3025");
        assertError(List.of("node_name = n", "hub = hub:70000"), "/etc/mezd/mezd.conf line 2: hub: \"hub:70000\""
                + " must be HOST:PORT of the hub's Auth service, e.g. hub.example.com:3025");
        assertError(List.of("node_name = n", "labels = env"), "/etc/mezd/mezd.conf line 2: labels: \"env\" must be"
                + " KEY=VALUE, the key made of letters, digits, '.', '_', '/' or '-'");
        assertError(List.of("node_name = n", "labels = env=a,env=b"),
                "/etc/mezd/mezd.conf line 2: labels: \"env\" is given twice");
        assertError(List.of("node_name = n", "labels = env=a b"), "/etc/mezd/mezd.conf line 2: labels: value of"
                + " \"env\" may only hold letters, digits and '.', '_', '/', ':', '@', '-'");
        assertError(List.of("node_name ="), "/etc/mezd/mezd.conf line 1: node_name: no value");
    }

    @Test
    void structuralMistakesAreNamedWithTheirLine() {
        assertError(List.of("node_name = n", "hub"), "/etc/mezd/mezd.conf line 2: expected KEY = VALUE, found \"hub\"");
        assertError(List.of("node_name = a", "node_name = b"),
                "/etc/mezd/mezd.conf line 2: node_name: already set on line 1");
        assertError(List.of("hub = hub:3025"),
                "/etc/mezd/mezd.conf: node_name is required, e.g. \"node_name = node-01\"");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("mezd.conf");

        assertThatThrownBy(() -> AgentConfigParser.parse(missing)).isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mezd.conf"), "node_name = node-01\ndata_dir = data\n");

        AgentConfig config = AgentConfigParser.parse(file);

        assertThat(config.nodeName()).isEqualTo("node-01");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
    }

    @Test
    void theExampleShippedInEtcIsValid() throws Exception {
        AgentConfig config = AgentConfigParser.parse(Path.of("src/main/dist/etc/mezd.conf"));

        assertThat(config.nodeName()).isEqualTo("node-01");
        assertThat(config.hub()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/mezd"));
    }

    private static AgentConfig parse(String... lines) throws ConfigException {
        return AgentConfigParser.parse(FILE, List.of(lines));
    }

    private static void assertError(List<String> lines, String message) {
        assertThatThrownBy(() -> AgentConfigParser.parse(FILE, lines)).isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }
}
