package org.mezite.node.internal;

import org.mezite.api.node.NodeCredentials;
import org.mezite.api.node.NodeIdentityProvider;

/**
 * The node's identity for each new connection, asked of the provider every time (the agent renews its certificates
 * while it runs) and parsed again only when the credentials changed.
 */
final class NodeIdentities {

    private final NodeIdentityProvider provider;
    private volatile NodeIdentity last;

    NodeIdentities(NodeIdentityProvider provider) {
        this.provider = provider;
    }

    /**
     * @throws IllegalStateException when the credentials cannot be used
     */
    NodeIdentity current() {
        NodeCredentials credentials = provider.current();
        NodeIdentity cached = last;
        if (cached != null && cached.credentials().equals(credentials)) {
            return cached;
        }
        NodeIdentity identity = NodeIdentity.of(credentials);
        last = identity;
        return identity;
    }
}
