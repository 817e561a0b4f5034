package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A web UI login. Only a hash of the session cookie is stored.
 *
 * @param idHash    the hash of the session id, as computed by the caller
 * @param username  the user logged in
 * @param expiresAt when it ends
 * @param createdAt when it began
 */
public record WebSession(String idHash, String username, Instant expiresAt, Instant createdAt) {

    public WebSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
