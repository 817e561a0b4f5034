package org.mezite.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void passesOncePerInterval() {
        AtomicLong nanos = new AtomicLong(-5);
        Throttle throttle = new Throttle(Duration.ofSeconds(10), nanos::get);

        assertThat(throttle.pass()).isTrue();
        assertThat(throttle.pass()).isFalse();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(throttle.pass()).isFalse();
        nanos.incrementAndGet();
        assertThat(throttle.pass()).isTrue();
        assertThat(throttle.pass()).isFalse();
    }
}
