package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Invitations for users to set their credentials, stored as hashes; deleting a user deletes its invites. */
@ProviderType
public interface InviteRepository {

    /**
     * @throws NotFoundException when there is no such user
     * @throws ConflictException when an invite with this hash exists
     */
    Invite create(String tokenHash, String username, Instant expiresAt);

    Optional<Invite> find(String tokenHash);

    /** The invites of a user, newest first. */
    List<Invite> listByUser(String username);

    /**
     * Uses an invite, atomically.
     *
     * @return the invite as used, or empty when it does not exist, has expired or was used already
     */
    Optional<Invite> consume(String tokenHash, Instant now);

    /** Deletes the invites of a user; returns how many. */
    int deleteByUser(String username);

    /** Deletes the invites that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
