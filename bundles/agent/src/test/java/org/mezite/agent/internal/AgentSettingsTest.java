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
    void hubAndLabelsAreOptional() {
        AgentSettings settings = AgentSettings.from(Map.of(
                "mezite.agent.node_name", "node-01",
                "mezite.agent.data_dir", "/var/lib/mezd")::get);

        assertThat(settings.hub()).isEqualTo(Optional.empty());
        assertThat(settings.labels()).isEmpty();
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
