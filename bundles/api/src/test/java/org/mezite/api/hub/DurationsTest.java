package org.mezite.api.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsWhatOperatorsWrite() {
        assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse(" 1h30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesTheRest() {
        assertThatThrownBy(() -> Durations.parse("12")).hasMessage(
                "invalid duration \"12\" (use e.g. 12h, 30m, 1h30m, 7d)");
        assertThatThrownBy(() -> Durations.parse("-1h")).hasMessageStartingWith("invalid duration \"-1h\"");
        assertThatThrownBy(() -> Durations.parse("0h")).hasMessage("duration \"0h\" must be longer than zero");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d")).hasMessageEndingWith("is too long");
    }

    @Test
    void formatsShortest() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("30d");
    }
}
