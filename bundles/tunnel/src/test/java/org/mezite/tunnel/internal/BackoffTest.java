package org.mezite.tunnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(30);

    @Test
    void theLongestPossibleWaitDoublesUpToTheCap() {
        Backoff longest = new Backoff(INITIAL, CAP, () -> 1.0);

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(longest.next().toMillis());
        }

        assertThat(waits).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L);
    }

    @Test
    void waitsAreSpreadOverTheWholeRangeSoAgentsDoNotReturnTogether() {
        Random random = new Random(1);
        Backoff backoff = new Backoff(INITIAL, CAP, random::nextDouble);
        for (int i = 0; i < 20; i++) {
            backoff.next();
        }

        List<Duration> capped = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            capped.add(backoff.next());
        }

        assertThat(capped).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, CAP));
        assertThat(capped).anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofSeconds(5)));
        assertThat(capped).anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(25)));
    }

    @Test
    void aSuccessStartsOverWithShortWaits() {
        Backoff backoff = new Backoff(INITIAL, CAP, () -> 1.0);
        for (int i = 0; i < 100; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(INITIAL);
    }
}
