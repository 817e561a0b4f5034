package org.mezite.api.store;

import java.time.Instant;

/**
 * Which audit events to read. Every filter is optional ({@code null}); {@link #all()} starts from no filter, oldest
 * first, at most {@value #DEFAULT_LIMIT} events. To page, pass the id of the last event read as {@code afterId}.
 *
 * @param from        events at or after this time
 * @param to          events before this time
 * @param type        events of this type
 * @param username    events of this user
 * @param sessionId   events of this session
 * @param afterId     events beyond this id in the chosen order (0 for none)
 * @param limit       the most events to return, 1 to {@value #MAX_LIMIT}
 * @param newestFirst newest first instead of oldest first
 */
public record AuditQuery(Instant from, Instant to, String type, String username, String sessionId, long afterId,
        int limit, boolean newestFirst) {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("audit query limit " + limit + " is not between 1 and " + MAX_LIMIT);
        }
        if (afterId < 0) {
            throw new IllegalArgumentException("audit query afterId " + afterId + " is negative");
        }
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, 0, DEFAULT_LIMIT, false);
    }

    public AuditQuery between(Instant fromTime, Instant toTime) {
        return new AuditQuery(fromTime, toTime, type, username, sessionId, afterId, limit, newestFirst);
    }

    public AuditQuery ofType(String eventType) {
        return new AuditQuery(from, to, eventType, username, sessionId, afterId, limit, newestFirst);
    }

    public AuditQuery ofUser(String user) {
        return new AuditQuery(from, to, type, user, sessionId, afterId, limit, newestFirst);
    }

    public AuditQuery ofSession(String session) {
        return new AuditQuery(from, to, type, username, session, afterId, limit, newestFirst);
    }

    public AuditQuery after(long id) {
        return new AuditQuery(from, to, type, username, sessionId, id, limit, newestFirst);
    }

    public AuditQuery limit(int max) {
        return new AuditQuery(from, to, type, username, sessionId, afterId, max, newestFirst);
    }

    /** The same query, newest first. */
    public AuditQuery descending() {
        return new AuditQuery(from, to, type, username, sessionId, afterId, limit, true);
    }
}
