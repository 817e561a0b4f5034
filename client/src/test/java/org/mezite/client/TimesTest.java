package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void durationsAreShownToTheMinute() {
        assertThat(Times.format(Duration.ofSeconds(12 * 3600 - 1))).isEqualTo("12h");
        assertThat(Times.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Times.format(Duration.ofMinutes(4))).isEqualTo("4m");
        assertThat(Times.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Times.format(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void timesAreShownInUtc() {
        assertThat(Times.format(Instant.parse("2030-01-02T03:04:05Z"))).isEqualTo("2030-01-02 03:04:05 UTC");
        assertThat(Times.format(Instant.MAX)).isEqualTo("forever");
    }

    @Test
    void ttlsAreCheckedBeforeAnythingIsSent() {
        assertThat(Times.checkTtl(" 8h ")).isEqualTo("8h");
        assertThat(Times.checkTtl("1h30m")).isEqualTo("1h30m");
        for (String bad : new String[] {"", "8", "1d", "0h", "0h0m", "h", "-1h"}) {
            assertThatThrownBy(() -> Times.checkTtl(bad)).as(bad).isInstanceOf(MshException.class)
                    .hasMessageContaining("expected a duration such as 8h, 30m or 1h30m");
        }
    }
}
