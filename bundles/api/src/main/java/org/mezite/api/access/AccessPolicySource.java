package org.mezite.api.access;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The current {@link AccessPolicy}. On the hub it comes from the store; on an agent, from Auth over the agent's
 * connection (and from the agent's disk cache while Auth cannot be reached).
 */
@ProviderType
public interface AccessPolicySource {

    /** The latest policy; {@link AccessPolicy#EMPTY} (deny everything) before the first one arrived. */
    AccessPolicy current();

    /**
     * Calls the listener with the current policy at once and then with every new one, on a thread of the source's,
     * until the returned handle is closed. A listener must not block.
     */
    AutoCloseable subscribe(Consumer<AccessPolicy> listener);
}
