package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A lock: while active, new sessions and certificates for its target are refused and live sessions are ended.
 *
 * @param id        lock id (a UUID)
 * @param target    what is locked
 * @param message   shown to the locked-out user, or {@code null}
 * @param expiresAt when the lock lapses, or {@code null} for never
 * @param createdBy who created it
 * @param createdAt when it was created
 */
public record Lock(String id, LockTarget target, String message, Instant expiresAt, String createdBy,
        Instant createdAt) {

    public Lock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
