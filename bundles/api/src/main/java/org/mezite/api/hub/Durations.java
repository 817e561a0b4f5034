package org.mezite.api.hub;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in configuration, role documents and on command lines: {@code 12h},
 * {@code 1h30m}, {@code 90s}, {@code 7d}. Always positive.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the value and the expected form */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!WHOLE.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid duration \"" + value + "\" (use e.g. 12h, 30m, 1h30m, 7d)");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration \"" + value + "\" is too long");
        }
        if (total.isZero()) {
            throw new IllegalArgumentException("duration \"" + value + "\" must be longer than zero");
        }
        return total;
    }

    /** The shortest form {@link #parse} reads back, for messages: {@code 12h}, {@code 1h30m}. */
    public static String format(Duration duration) {
        StringBuilder out = new StringBuilder();
        long seconds = duration.getSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                out.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return out.length() == 0 ? "0s" : out.toString();
    }
}
