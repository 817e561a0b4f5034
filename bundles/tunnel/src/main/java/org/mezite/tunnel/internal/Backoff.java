package org.mezite.tunnel.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: the n-th wait in a row is uniform in [0, min(cap, initial × 2ⁿ)), so agents
 * that lost the same hub at the same moment spread their reconnects instead of arriving together.
 */
final class Backoff {

    private final long initialNanos;
    private final long capNanos;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform in [0, 1) */
    Backoff(Duration initial, Duration cap, DoubleSupplier random) {
        this.initialNanos = initial.toNanos();
        this.capNanos = cap.toNanos();
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failure. */
    Duration next() {
        double ceiling = Math.min(capNanos, initialNanos * Math.pow(2, Math.min(failures, 62)));
        failures++;
        return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
    }

    /** After a success: the next wait starts small again. */
    void reset() {
        failures = 0;
    }
}
