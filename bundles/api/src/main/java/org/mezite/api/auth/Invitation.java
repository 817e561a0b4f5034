package org.mezite.api.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time invite for a user to set a password and enroll TOTP ({@code msh signup --token TOKEN}). Only a hash of
 * the token is stored, so this is the one chance to hand it over; {@link #toString()} leaves it out.
 *
 * @param username  the invited user
 * @param token     the secret token, 64 hex digits
 * @param expiresAt when it stops working
 */
public record Invitation(String username, String token, Instant expiresAt) {

    public Invitation {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "Invitation[username=" + username + ", token=****, expiresAt=" + expiresAt + "]";
    }
}
