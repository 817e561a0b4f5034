package org.mezite.api.join;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A join token as administrators see it: never the token itself, which is not stored.
 *
 * @param id        a short public name of the token: the first 16 hex digits of its SHA-256, safe to show, log and
 *                  audit; {@link JoinTokens#remove(String, String)} takes it
 * @param type      what may join with it
 * @param labels    the static labels a node that joins with it gets
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param usedAt    when an agent joined with it, or {@code null}
 */
public record JoinTokenInfo(String id, JoinTokenType type, Map<String, String> labels, Instant createdAt,
        Instant expiresAt, Instant usedAt) {

    public JoinTokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Used, expired or still active at {@code now}. */
    public JoinTokenState state(Instant now) {
        if (usedAt != null) {
            return JoinTokenState.USED;
        }
        return expiresAt.isAfter(now) ? JoinTokenState.ACTIVE : JoinTokenState.EXPIRED;
    }
}
