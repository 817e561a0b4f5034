package org.mezite.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code --since} and {@code --until}: a duration back from now ({@code 1h}, {@code 7d}), an ISO-8601 time
 * ({@code 2030-01-02T03:04:05Z}, {@code 2030-01-02T05:04:05+02:00}) or a date ({@code 2030-01-02}, midnight UTC).
 */
final class PointsInTime {

    private PointsInTime() {
    }

    /** @throws IllegalArgumentException naming the option, the value and the forms it takes */
    static Instant parse(String option, String text, Instant now) {
        String value = text == null ? "" : text.strip();
        if (value.contains("-")) {
            // durations never have a dash; dates always do
            try {
                return value.contains("T") ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(option, value);
            }
        }
        Duration ago;
        try {
            ago = org.mezite.api.hub.Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(option, value);
        }
        return now.minus(ago);
    }

    private static IllegalArgumentException invalid(String option, String value) {
        return new IllegalArgumentException(option + ": \"" + value + "\" is neither a time ago (e.g. 30m, 1h, 7d)"
                + " nor an ISO-8601 time (e.g. 2030-01-02T03:04:05Z, 2030-01-02)");
    }
}
