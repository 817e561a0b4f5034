package org.mezite.api.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A local user. {@link #toString()} leaves out the password hash and the TOTP secret.
 *
 * @param id           stable id (a UUID)
 * @param username     unique login name
 * @param passwordHash the bcrypt hash, or {@code null} while no password is set
 * @param roles        role names
 * @param traits       trait name to values, e.g. {@code logins -> [root, ubuntu]}
 * @param totpSecret   the TOTP secret as encrypted by the caller, or {@code null} when not enrolled
 * @param failedLogins failed logins since the last success
 * @param lockedUntil  logins are refused until then, or {@code null}
 * @param createdAt    when the user was created
 * @param updatedAt    when the user last changed
 */
public record User(String id, String username, String passwordHash, List<String> roles,
        Map<String, List<String>> traits, byte[] totpSecret, int failedLogins, Instant lockedUntil, Instant createdAt,
        Instant updatedAt) {

    /** The trait that lists the Unix logins a user may use. */
    public static final String LOGINS_TRAIT = "logins";

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        traits = copyTraits(traits);
        totpSecret = totpSecret == null ? null : totpSecret.clone();
    }

    /** The encrypted TOTP secret (a copy), or {@code null}. */
    @Override
    public byte[] totpSecret() {
        return totpSecret == null ? null : totpSecret.clone();
    }

    /** The values of the {@code logins} trait. */
    public List<String> logins() {
        return traits.getOrDefault(LOGINS_TRAIT, List.of());
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    static Map<String, List<String>> copyTraits(Map<String, List<String>> traits) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        traits.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "trait name"), List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && id.equals(u.id) && username.equals(u.username)
                && Objects.equals(passwordHash, u.passwordHash) && roles.equals(u.roles) && traits.equals(u.traits)
                && Arrays.equals(totpSecret, u.totpSecret) && failedLogins == u.failedLogins
                && Objects.equals(lockedUntil, u.lockedUntil) && Objects.equals(createdAt, u.createdAt)
                && Objects.equals(updatedAt, u.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, username, roles, traits, failedLogins, lockedUntil, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", password=" + (passwordHash == null ? "(none)" : "****")
                + ", roles=" + roles + ", traits=" + traits + ", totp=" + (totpSecret == null ? "(none)" : "****")
                + ", failedLogins=" + failedLogins + ", lockedUntil=" + lockedUntil + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
