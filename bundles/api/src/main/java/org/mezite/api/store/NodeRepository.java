package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Nodes that joined, with their labels and liveness. */
@ProviderType
public interface NodeRepository {

    /**
     * Records a node when it joins, or updates its hostname, address and labels when it joins again; keeps its
     * creation time, tunnel and last heartbeat.
     */
    Node register(String id, String hostname, String addr, Map<String, String> labels);

    /**
     * Notes that a node is alive, and through which tunnel ({@code null} when it has none).
     *
     * @throws NotFoundException when there is no such node
     */
    void heartbeat(String id, String tunnelId, Instant at);

    Optional<Node> findById(String id);

    /** The nodes with this hostname (usually one). */
    List<Node> findByHostname(String hostname);

    /** Every node, by hostname. */
    List<Node> list();

    /** The nodes with a heartbeat at or after the given time, by hostname. */
    List<Node> listSeenSince(Instant since);

    /** False when there was no such node. */
    boolean delete(String id);
}
