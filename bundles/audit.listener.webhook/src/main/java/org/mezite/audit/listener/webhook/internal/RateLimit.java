package org.mezite.audit.listener.webhook.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Lets a repeated warning through at most once per interval, so that an outage fills no disk with log lines. */
final class RateLimit {

    private final Clock clock;
    private final Duration interval;
    private Instant last;

    RateLimit(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** @return whether to log now: the first time, and then once the interval has passed since the last time */
    synchronized boolean allow() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(interval))) {
            return false;
        }
        last = now;
        return true;
    }

    /** Forgets the last time: the next {@link #allow()} is let through (the trouble ended, a new one is news). */
    synchronized void reset() {
        last = null;
    }
}
