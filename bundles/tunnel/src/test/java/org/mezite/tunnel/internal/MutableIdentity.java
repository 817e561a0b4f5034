package org.mezite.tunnel.internal;

import org.mezite.api.node.NodeCredentials;
import org.mezite.api.node.NodeIdentityProvider;

/** A node identity whose certificates the test renews. */
final class MutableIdentity implements NodeIdentityProvider {

    private volatile NodeCredentials current;

    MutableIdentity(NodeCredentials initial) {
        this.current = initial;
    }

    void set(NodeCredentials renewed) {
        current = renewed;
    }

    @Override
    public NodeCredentials current() {
        return current;
    }
}
