package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** One-time join tokens, stored as hashes. */
@ProviderType
public interface JoinTokenRepository {

    /** @throws ConflictException when a token with this hash exists */
    JoinToken create(String tokenHash, String type, Map<String, String> labels, Instant expiresAt);

    Optional<JoinToken> find(String tokenHash);

    /** Every token, newest first. */
    List<JoinToken> list();

    /**
     * Uses a token, atomically: of two agents racing with the same token, one wins.
     *
     * @return the token as used, or empty when it does not exist, has expired or was used already
     */
    Optional<JoinToken> consume(String tokenHash, Instant now);

    /** False when there was no such token. */
    boolean delete(String tokenHash);

    /** Deletes the tokens that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
