package org.mezite.proxy.web.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Certificate lifetimes as people write them: {@code 12h}, {@code 30m}, {@code 1h30m}, {@code 90s}. */
final class Ttl {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?");

    private Ttl() {
    }

    /** @throws ApiException (400) naming the field when the text is not a positive duration */
    static Duration parse(String field, String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (text.isBlank() || !matcher.matches()) {
            throw ApiException.badRequest(field + ": \"" + shown(text) + "\" is not a duration such as 12h, 30m"
                    + " or 1h30m");
        }
        Duration ttl = Duration.ofHours(number(matcher.group(1))).plusMinutes(number(matcher.group(2)))
                .plusSeconds(number(matcher.group(3)));
        if (ttl.isZero()) {
            throw ApiException.badRequest(field + ": must be longer than zero");
        }
        return ttl;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static String shown(String text) {
        String cut = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
