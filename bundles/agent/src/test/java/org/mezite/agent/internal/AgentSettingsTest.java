package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    @Test
    void readsTheFrameworkPropertiesTheLauncherSets() {
        AgentSettings settings = AgentSettings.from(Map.of(
                "mezite.agent.node_name", "node-01",
                "mezite.agent.hub", "hub.example.com:3025",
                "mezite.agent.data_dir", "/var/lib/mezd",
                "mezite.agent.labels", "team=db, env=prod")::get);

        assertThat(settings.nodeName()).isEqualTo("node-01");
        assertThat(settings.hub()).contains(new HostPort("hub.example.com", 3025));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/mezd"));
        assertThat(settings.labels()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "db"));
    }

    @Test
    void readsTheJoinSettingsAndTheHeartbeatOverride() {
        String pin = "sha256:" + "0123456789abcdef".repeat(4);
        AgentSettings settings = AgentSettings.from(Map.of(
                "mezite.agent.node_name", "node-01",
                "mezite.agent.data_dir", "/var/lib/mezd",
                "mezite.agent.hub", "hub:3025",
                "mezite.agent.token", "ab".repeat(32),
                "mezite.agent.ca_pin", pin,
                "mezite.agent.heartbeat_interval", "250ms")::get);

        assertThat(settings.token()).contains("ab".repeat(32));
        assertThat(settings.caPin()).contains(CaPin.parse(pin));
        assertThat(settings.heartbeatInterval()).contains(java.time.Duration.ofMillis(250));
        assertThat(settings.toString()).doesNotContain("ab".repeat(32));
        assertThatThrownBy(() -> AgentSettings.from(Map.of("mezite.agent.node_name", "n", "mezite.agent.data_dir",
                "d", "mezite.agent.heartbeat_interval", "soon")::get))
                .hasMessage("mezite.agent.heartbeat_interval: \"soon\" must be a positive number of ms or s, e.g. 2s");
        assertThatThrownBy(() -> AgentSettings.from(Map.of("mezite.agent.node_name", "n", "mezite.agent.data_dir",
                "d", "mezite.agent.ca_pin", "md5:00")::get))
                .hasMessage("mezite.agent.ca_pin: \"md5:00\" must be sha256: and 64 hex digits");
    }

    @Test
    void hubAndLabelsAreOptional() {
        AgentSettings settings = AgentSettings.from(Map.of(
                "mezite.agent.node_name", "node-01",
                "mezite.agent.data_dir", "/var/lib/mezd")::get);

        assertThat(settings.hub()).isEqualTo(Optional.empty());
        assertThat(settings.labels()).isEmpty();
        assertThat(settings.token()).isEmpty();
        assertThat(settings.caPin()).isEmpty();
        assertThat(settings.heartbeatInterval()).isEmpty();
    }

    @Test
    void aMissingNodeNameIsNamedWithHowToStartTheAgent() {
        assertThatThrownBy(() -> AgentSettings.from(Map.of("mezite.agent.data_dir", "/var/lib/mezd")::get))
                .hasMessage("mezite.agent.node_name is not set (start the agent with `mezd start --config FILE`)");
    }

    @Test
    void aMalformedValueNamesItsProperty() {
        assertThatThrownBy(() -> AgentSettings.from(Map.of("mezite.agent.node_name", "n",
                "mezite.agent.data_dir", "d", "mezite.agent.hub", "hub")::get))
                .hasMessage("mezite.agent.hub: \"hub\" must be HOST:PORT");
        assertThatThrownBy(() -> AgentSettings.from(Map.of("mezite.agent.node_name", "n",
                "mezite.agent.data_dir", "d", "mezite.agent.labels", "env=prod,team")::get))
                .hasMessage("mezite.agent.labels: \"team\" must be KEY=VALUE");
    }
}
