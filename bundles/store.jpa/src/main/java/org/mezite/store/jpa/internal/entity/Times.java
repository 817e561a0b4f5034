package org.mezite.store.jpa.internal.entity;

import java.time.Instant;

/** Times are stored as epoch milliseconds; these convert, keeping {@code null} for "not set". */
public final class Times {

    private Times() {
    }

    public static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    public static Instant instantOrNull(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Long millisOrNull(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
