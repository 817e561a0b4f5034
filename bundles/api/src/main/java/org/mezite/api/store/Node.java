package org.mezite.api.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A server that joined the cluster.
 *
 * @param id            the node id the agent got when it joined (a UUID)
 * @param hostname      the node's host name; not unique
 * @param addr          the address the agent reported, or {@code null} (nodes are reached through their tunnel)
 * @param labels        labels that roles match against
 * @param tunnelId      the reverse tunnel the node is connected through, or {@code null} when offline
 * @param lastHeartbeat the last heartbeat, or {@code null} before the first one
 * @param createdAt     when the node first joined
 */
public record Node(String id, String hostname, String addr, Map<String, String> labels, String tunnelId,
        Instant lastHeartbeat, Instant createdAt) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostname, "hostname");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
