package org.mezite.api.store;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Web UI sessions, stored as hashes; deleting a user deletes its sessions. */
@ProviderType
public interface WebSessionRepository {

    /**
     * @throws NotFoundException when there is no such user
     * @throws ConflictException when a session with this hash exists
     */
    WebSession create(String idHash, String username, Instant expiresAt);

    /** The session if it exists and has not expired at {@code now}. */
    Optional<WebSession> findValid(String idHash, Instant now);

    /** Logs one session out; false when there was no such session. */
    boolean delete(String idHash);

    /** Logs a user out everywhere; returns how many sessions ended. */
    int deleteByUser(String username);

    /** Deletes the sessions that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
