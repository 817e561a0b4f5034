package org.mezite.api.join;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a new join token should allow.
 *
 * @param type   what may join with it
 * @param ttl    how long it can be used, positive and at most {@link #MAX_TTL}
 * @param labels static labels every node that joins with it gets; they win over labels of the agent's configuration
 */
public record JoinTokenRequest(JoinTokenType type, Duration ttl, Map<String, String> labels) {

    /** The validity of a token when none is asked for. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
    /** The longest validity a token can have: one-time secrets should not lie around. */
    public static final Duration MAX_TTL = Duration.ofDays(7);

    public JoinTokenRequest {
        Objects.requireNonNull(type, "type");
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** A node token with the default TTL and no labels. */
    public static JoinTokenRequest node() {
        return new JoinTokenRequest(JoinTokenType.NODE, DEFAULT_TTL, Map.of());
    }
}
