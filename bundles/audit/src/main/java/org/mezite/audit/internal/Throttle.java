package org.mezite.audit.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets a warning through at most once per interval: a listener that is down for an hour must not write a line per
 * event into the hub's log.
 */
final class Throttle {

    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private boolean passed;
    private long lastPassed;

    Throttle(Duration interval, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
    }

    /** Whether to log now; if so the next one waits for the interval. */
    synchronized boolean pass() {
        long now = nanoTime.getAsLong();
        if (passed && now - lastPassed < intervalNanos) {
            return false;
        }
        passed = true;
        lastPassed = now;
        return true;
    }
}
