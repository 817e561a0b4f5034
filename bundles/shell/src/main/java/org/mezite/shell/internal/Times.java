package org.mezite.shell.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the console shows them (UTC, to the second) and as JSON carries them (ISO-8601). */
final class Times {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The instant for people, or {@code absent} when there is none. */
    static String text(Instant instant, String absent) {
        return instant == null ? absent : UTC.format(instant);
    }

    /** The instant for JSON, or {@code null}. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
