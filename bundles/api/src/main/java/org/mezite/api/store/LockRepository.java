package org.mezite.api.store;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Locks on users, roles, nodes and logins. */
@ProviderType
public interface LockRepository {

    /** Creates a lock; {@code expiresAt} {@code null} locks until the lock is deleted. */
    Lock create(LockTarget target, String message, Instant expiresAt, String createdBy);

    /** Every lock, newest first. */
    List<Lock> list();

    /** The locks in force at {@code now}, newest first. */
    List<Lock> listActive(Instant now);

    /** The locks on one target in force at {@code now}, newest first. */
    List<Lock> listActive(LockTarget target, Instant now);

    /** False when there was no such lock. */
    boolean delete(String id);

    /** Deletes the locks that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
