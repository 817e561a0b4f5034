package org.mezite.shell.internal;

import java.time.Instant;

import org.mezite.api.store.AuditQuery;

/**
 * The options of {@code mezite:audit-search} as an {@link AuditQuery}. With {@code --since} the events are read
 * oldest first from there; without it the newest {@code --limit} events are read, like {@code tail}, and shown oldest
 * first all the same.
 */
record AuditSearch(AuditQuery query) {

    /** @throws IllegalArgumentException naming the option that is wrong */
    static AuditSearch of(String since, String until, String type, String user, String session, String limit,
            Instant now) {
        Instant from = since == null ? null : PointsInTime.parse("--since", since, now);
        Instant to = until == null ? null : PointsInTime.parse("--until", until, now);
        AuditQuery query = AuditQuery.all().between(from, to).ofType(blankToNull(type)).ofUser(blankToNull(user))
                .ofSession(blankToNull(session)).limit(limit(limit));
        return new AuditSearch(from == null ? query.descending() : query);
    }

    private static int limit(String text) {
        if (text == null) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= AuditQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("--limit: \"" + text + "\" is not a number from 1 to "
                + AuditQuery.MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
