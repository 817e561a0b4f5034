package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DurationsAndLabelsTest {

    @Test
    void durationsAsOperatorsTypeThem() {
        assertThat(Durations.parse("--ttl", "30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("--ttl", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("--ttl", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("--ttl", "1s")).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> Durations.parse("--ttl", "soon"))
                .hasMessage("--ttl: invalid duration \"soon\" (use e.g. 12h, 30m, 1h30m, 7d)");
        assertThatThrownBy(() -> Durations.parse("--ttl", "0m")).hasMessage("--ttl: duration \"0m\" must be longer than zero");
    }

    @Test
    void labels() {
        assertThat(Labels.parse("--labels", "env=dev, team=a")).isEqualTo(Map.of("env", "dev", "team", "a"));
        assertThat(Labels.format(new java.util.TreeMap<>(Map.of("env", "dev", "team", "a")))).isEqualTo("env=dev,team=a");
        assertThatThrownBy(() -> Labels.parse("--labels", "env")).hasMessage("--labels: \"env\" is not KEY=VALUE");
    }
}
