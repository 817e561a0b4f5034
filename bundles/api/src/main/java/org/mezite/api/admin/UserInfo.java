package org.mezite.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mezite.api.access.Traits;

/**
 * A user as administrators see them: no password hash, no TOTP secret.
 *
 * @param username     the user's name
 * @param roles        role names
 * @param traits       traits, e.g. {@code logins -> [alice, ubuntu]}
 * @param passwordSet  whether the user has a password (signed up)
 * @param totpEnrolled whether the user has a TOTP secret
 * @param lockedUntil  logins refused until then after too many failures, or {@code null}
 * @param createdAt    when the user was created
 */
public record UserInfo(String username, List<String> roles, Map<String, List<String>> traits, boolean passwordSet,
        boolean totpEnrolled, Instant lockedUntil, Instant createdAt) {

    public UserInfo {
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        traits = Traits.copy(traits);
    }
}
