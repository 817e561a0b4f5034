package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NodeSshSettingsTest {

    @Test
    void withoutPropertiesThereIsNoDirectListenerAndNoIdleTimeout() {
        NodeSshSettings settings = NodeSshSettings.from(name -> null);

        assertThat(settings.directListen()).isEmpty();
        assertThat(settings.clientIdleTimeout()).isEmpty();
    }

    @Test
    void readsTheDirectAddressAndTheIdleTimeout() {
        NodeSshSettings settings = NodeSshSettings.from(Map.of(NodeSshSettings.SSH_LISTEN, "127.0.0.1:2022",
                NodeSshSettings.CLIENT_IDLE_TIMEOUT, "30m")::get);

        assertThat(settings.directListen()).hasValueSatisfying(a -> {
            assertThat(a.getPort()).isEqualTo(2022);
            assertThat(a.getHostString()).isEqualTo("127.0.0.1");
        });
        assertThat(settings.clientIdleTimeout()).contains(Duration.ofMinutes(30));
        assertThat(NodeSshSettings.from(Map.of(NodeSshSettings.SSH_LISTEN, "[::1]:22")::get).directListen()
                .orElseThrow().getPort()).isEqualTo(22);
        assertThat(NodeSshSettings.from(Map.of(NodeSshSettings.CLIENT_IDLE_TIMEOUT, "0")::get).clientIdleTimeout())
                .isEmpty();
    }

    @Test
    void namesThePropertyThatIsMalformed() {
        assertThatThrownBy(() -> NodeSshSettings.from(Map.of(NodeSshSettings.SSH_LISTEN, "2022")::get))
                .hasMessage("mezite.agent.ssh_listen: \"2022\" is not host:port, e.g. 0.0.0.0:2022");
        assertThatThrownBy(() -> NodeSshSettings.from(Map.of(NodeSshSettings.SSH_LISTEN, "0.0.0.0:99999")::get))
                .hasMessage("mezite.agent.ssh_listen: port 99999 is not between 1 and 65535");
        assertThatThrownBy(() -> NodeSshSettings.from(Map.of(NodeSshSettings.CLIENT_IDLE_TIMEOUT, "soon")::get))
                .hasMessage("mezite.agent.client_idle_timeout: \"soon\" is not a duration such as 30m, 90s or 1h");
    }
}
