package org.mezite.api.admin;

import java.time.Duration;
import java.util.List;

import org.mezite.api.access.Caller;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Locks (resource {@code lock}). A lock takes effect at once: new logins, certificates and connections of its target
 * are refused, and live sessions matching it end with its message.
 */
@ProviderType
public interface LockAdmin {

    /**
     * Verb {@code create}.
     *
     * @param ttl how long the lock holds, or {@code null} until removed
     * @throws IllegalArgumentException naming the bad value (empty target, TTL not positive)
     */
    Lock add(Caller caller, LockTarget target, String message, Duration ttl);

    /** Verb {@code list}: the locks in force, newest first. */
    List<Lock> list(Caller caller);

    /** Verb {@code delete}. @throws org.mezite.api.store.NotFoundException when there is no such lock */
    void remove(Caller caller, String id);
}
