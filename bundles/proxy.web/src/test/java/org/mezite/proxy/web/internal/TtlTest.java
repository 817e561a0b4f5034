package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TtlTest {

    @Test
    void readsHoursMinutesAndSeconds() {
        assertThat(Ttl.parse("ttl", "12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Ttl.parse("ttl", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Ttl.parse("ttl", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Ttl.parse("ttl", "2h0m5s")).isEqualTo(Duration.ofSeconds(7205));
    }

    @Test
    void refusesWhatIsNotAPositiveDuration() {
        for (String bad : new String[] {"", "12", "h", "1d", "-1h", "0m", "1h 30m", "99999999h"}) {
            assertThatThrownBy(() -> Ttl.parse("ttl", bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageStartingWith("ttl: ");
        }
    }
}
