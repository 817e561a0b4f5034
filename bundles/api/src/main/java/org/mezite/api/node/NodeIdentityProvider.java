package org.mezite.api.node;

import org.osgi.annotation.versioning.ProviderType;

/** Registered by the agent once the node has joined; gone while it has not. */
@ProviderType
public interface NodeIdentityProvider {

    /** The node's identity with the newest certificates. */
    NodeCredentials current();
}
