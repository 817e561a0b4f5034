package org.mezite.api.join;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The nodes that joined the cluster. A node is online while its heartbeats come in: it is offline once its last
 * heartbeat is more than three {@link #heartbeatInterval() intervals} old.
 */
@ProviderType
public interface NodeRegistry {

    /** How often agents are asked to send a heartbeat. */
    Duration heartbeatInterval();

    /**
     * Records a node that joins, or updates its name, address and labels when it joins again under the same id. The
     * node counts as seen now.
     */
    RegisteredNode register(NodeRegistration registration);

    /**
     * Notes that a node is alive.
     *
     * @throws org.mezite.api.store.NotFoundException when there is no such node (it was removed)
     */
    void heartbeat(String nodeId);

    Optional<RegisteredNode> find(String nodeId);

    /** Every node, by name. */
    List<RegisteredNode> list();

    /**
     * Forgets a node; audited as {@code node.delete}. An agent that still runs with its identity is refused from then
     * on and has to join again with a new token.
     *
     * @param actor who asks, for the audit log
     * @return false when there was no such node
     */
    boolean remove(String nodeId, String actor);
}
