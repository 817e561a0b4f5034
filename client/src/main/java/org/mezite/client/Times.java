package org.mezite.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Times and durations as msh shows and takes them. */
final class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern TTL = Pattern.compile("(\\d{1,6}h)?(\\d{1,6}m)?(\\d{1,7}s)?");

    private Times() {
    }

    static String format(Instant time) {
        return time.equals(Instant.MAX) ? "forever" : UTC.format(time);
    }

    /** {@code 11h59m}, {@code 4m}, {@code 30s}; to the nearest minute from a minute on. */
    static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long totalMinutes = (seconds + 30) / 60;
        long hours = totalMinutes / 60;
        long minutes = totalMinutes % 60;
        return hours == 0 ? minutes + "m" : hours + "h" + (minutes == 0 ? "" : minutes + "m");
    }

    /**
     * Checks a {@code --ttl} value here, so that a typo is not found by the proxy after the password was sent.
     *
     * @throws MshException (usage) when it is not a duration such as 8h, 30m or 1h30m
     */
    static String checkTtl(String ttl) {
        String value = ttl.strip();
        if (value.isEmpty() || !TTL.matcher(value).matches() || value.replaceAll("[^1-9]", "").isEmpty()) {
            throw MshException.usage("--ttl \"" + ttl + "\": expected a duration such as 8h, 30m or 1h30m");
        }
        return value;
    }
}
