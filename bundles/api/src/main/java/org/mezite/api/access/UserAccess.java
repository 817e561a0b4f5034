package org.mezite.api.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mezite.api.store.Lock;

/**
 * What a user's roles allow overall, for issuing their certificates.
 *
 * @param username the user
 * @param roles    the roles that were found and evaluated
 * @param logins   the Unix logins some role allows and no role denies, templates expanded; patterns ({@code *},
 *                 regular expressions) are not logins and are left out. Empty: the user may not log in anywhere.
 * @param options  the combined role options
 * @param lock     the lock in force on the user or one of their roles, if any: then no certificate may be issued
 * @param missingRoles roles the user has that do not exist (they grant nothing)
 */
public record UserAccess(String username, List<String> roles, List<String> logins, SessionOptions options,
        Optional<Lock> lock, List<String> missingRoles) {

    public UserAccess {
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        logins = List.copyOf(logins);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(lock, "lock");
        missingRoles = List.copyOf(missingRoles);
    }
}
