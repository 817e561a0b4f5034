package org.mezite.api.admin;

import java.util.Objects;

import org.mezite.api.join.RegisteredNode;

/**
 * A registered node and whether its tunnel is up.
 *
 * @param node     the node
 * @param tunnelUp whether the node's reverse tunnel is connected to a proxy of this hub; {@code false} when unknown
 */
public record NodeInfo(RegisteredNode node, boolean tunnelUp) {

    public NodeInfo {
        Objects.requireNonNull(node, "node");
    }
}
