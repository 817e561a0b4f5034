package org.mezite.api.tunnel;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/** The tunnels that agents hold to this proxy. */
@ProviderType
public interface NodeTunnels {

    /** Whether the node has a live tunnel to this proxy now. */
    boolean isConnected(String nodeId);

    /** The ids of the nodes with a live tunnel to this proxy now. */
    Set<String> connectedNodes();

    /**
     * Opens a connection to the node's SSH server through its tunnel.
     *
     * @param clientAddress the user's address as the proxy saw it ({@code 192.0.2.7:51234}), for the agent's audit
     * @return completes with the connection once the agent has dialled; fails with {@link NodeOfflineException} when
     *         the node has no tunnel, or with {@link TunnelException} when the agent could not dial or did not answer
     *         in time
     */
    CompletableFuture<TunnelConnection> dial(String nodeId, String clientAddress);
}
