package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time invitation for a user to set a password and enroll TOTP. Only a hash of the token is stored.
 *
 * @param tokenHash the token's hash, as computed by the caller
 * @param username  the invited user
 * @param expiresAt when it stops working
 * @param usedAt    when it was used, or {@code null}
 * @param createdAt when it was created
 */
public record Invite(String tokenHash, String username, Instant expiresAt, Instant usedAt, Instant createdAt) {

    public Invite {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
