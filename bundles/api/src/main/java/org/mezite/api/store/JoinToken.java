package org.mezite.api.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A one-time token that lets an agent join. Only a hash of the token is stored.
 *
 * @param tokenHash the token's hash, as computed by the caller
 * @param type      what may join with it, e.g. {@code node}
 * @param labels    labels the joining node gets
 * @param expiresAt when it stops working
 * @param usedAt    when it was used, or {@code null}
 * @param createdAt when it was created
 */
public record JoinToken(String tokenHash, String type, Map<String, String> labels, Instant expiresAt, Instant usedAt,
        Instant createdAt) {

    public JoinToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(type, "type");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token still lets an agent join. */
    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
