package org.mezite.api.access;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Ends sessions on nodes: the session id joins the next {@link AccessPolicy}'s terminated sessions, and the node
 * running it closes it with the message. Provided on the hub with the store-backed {@link AccessPolicySource}.
 */
@ProviderType
public interface SessionTerminator {

    void terminate(String sessionId, String message);
}
