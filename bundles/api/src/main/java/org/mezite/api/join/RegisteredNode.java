package org.mezite.api.join;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A node that joined, and whether it is online.
 *
 * @param id            the node id it got when it joined (a UUID), also the key id of its host certificate
 * @param name          its name, as users address it ({@code node-01}); not necessarily unique
 * @param address       the address Auth saw it join from, or {@code null}
 * @param labels        its labels: those of the join token, then those of the agent's configuration
 * @param lastHeartbeat its last heartbeat, or {@code null} before the first
 * @param joinedAt      when it first joined
 * @param online        whether its last heartbeat is at most three heartbeat intervals old
 */
public record RegisteredNode(String id, String name, String address, Map<String, String> labels,
        Instant lastHeartbeat, Instant joinedAt, boolean online) {

    public RegisteredNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
