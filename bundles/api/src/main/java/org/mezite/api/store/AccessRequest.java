package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's request for extra roles for a while.
 *
 * @param id             request id (a UUID)
 * @param username       who asks
 * @param requestedRoles the roles asked for
 * @param reason         why, or {@code null}
 * @param state          pending, approved or denied
 * @param resolvedBy     who approved or denied it, or {@code null}
 * @param resolveReason  the reviewer's reason, or {@code null}
 * @param createdAt      when it was asked
 * @param resolvedAt     when it was approved or denied, or {@code null}
 * @param expiresAt      when the request (and any access it grants) ends
 */
public record AccessRequest(String id, String username, List<String> requestedRoles, String reason,
        AccessRequestState state, String resolvedBy, String resolveReason, Instant createdAt, Instant resolvedAt,
        Instant expiresAt) {

    public AccessRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        requestedRoles = List.copyOf(requestedRoles);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
