package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Local users: identity, roles and traits, password and TOTP material, and lockout state. */
@ProviderType
public interface UserRepository {

    /**
     * Creates a user with no password and no TOTP (set later, e.g. through an invite).
     *
     * @throws ConflictException when the username is taken
     */
    User create(String username, List<String> roles, Map<String, List<String>> traits);

    Optional<User> findById(String id);

    Optional<User> findByUsername(String username);

    /** Every user, by username. */
    List<User> list();

    /**
     * Replaces the roles and traits of a user.
     *
     * @throws NotFoundException when there is no such user
     */
    User update(String username, List<String> roles, Map<String, List<String>> traits);

    /**
     * Sets (or with {@code null} removes) the password hash.
     *
     * @throws NotFoundException when there is no such user
     */
    void setPasswordHash(String username, String passwordHash);

    /**
     * Sets (or with {@code null} removes) the TOTP secret, already encrypted by the caller.
     *
     * @throws NotFoundException when there is no such user
     */
    void setTotpSecret(String username, byte[] encryptedSecret);

    /**
     * Claims a TOTP time step for the user, atomically across threads and hubs: succeeds only when no code of this
     * step or a later one was claimed before, so that each code works once.
     *
     * @param step the accepted code's time step (Unix time / 30 s)
     * @return true when claimed, false when this step or a later one was claimed already (a replayed code)
     * @throws NotFoundException when there is no such user
     */
    boolean claimTotpStep(String username, long step);

    /**
     * Counts one more failed login, atomically.
     *
     * @return the failed logins now counted
     * @throws NotFoundException when there is no such user
     */
    int recordLoginFailure(String username);

    /**
     * Refuses logins of the user until the given time.
     *
     * @throws NotFoundException when there is no such user
     */
    void lockUntil(String username, Instant until);

    /**
     * Forgets failed logins and any lock, after a successful login or when an administrator unlocks the user.
     *
     * @throws NotFoundException when there is no such user
     */
    void clearLoginFailures(String username);

    /** Deletes the user with its web sessions and invites; false when there was no such user. */
    boolean delete(String username);
}
