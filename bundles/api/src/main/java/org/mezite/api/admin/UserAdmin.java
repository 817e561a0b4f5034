package org.mezite.api.admin;

import java.util.List;
import java.util.Map;

import org.mezite.api.access.Caller;
import org.mezite.api.auth.Invitation;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Local users (resource {@code user}). Every method checks the caller's rules and audits: denied calls as
 * {@code access.denied}, changes with the user before and after.
 *
 * @throws org.mezite.api.access.AccessDeniedException from every method when the caller's rules do not allow it
 */
@ProviderType
public interface UserAdmin {

    /** Verb {@code list}. */
    List<UserInfo> list(Caller caller);

    /** Verb {@code read}. @throws org.mezite.api.store.NotFoundException when there is no such user */
    UserInfo get(Caller caller, String username);

    /**
     * Verb {@code create}: creates the user and a one-time invite for {@code msh signup}.
     *
     * @throws org.mezite.api.store.ConflictException when the name is taken
     * @throws IllegalArgumentException naming the bad value (user name, role that does not exist, login)
     */
    Invitation add(Caller caller, String username, List<String> roles, Map<String, List<String>> traits);

    /**
     * Verb {@code update}: replaces the roles and/or logins; {@code null} keeps what is there.
     *
     * @throws org.mezite.api.store.NotFoundException when there is no such user
     */
    UserInfo update(Caller caller, String username, List<String> roles, List<String> logins);

    /** Verb {@code update}: clears password and TOTP and makes a new invite. */
    Invitation reset(Caller caller, String username);

    /** Verb {@code delete}. @throws org.mezite.api.store.NotFoundException when there is no such user */
    void remove(Caller caller, String username);
}
