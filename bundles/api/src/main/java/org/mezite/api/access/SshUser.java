package org.mezite.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user as their verified OpenSSH user certificate presents them.
 *
 * @param username    the Mezite user ({@code mezite-user@mezite.org}, else the key id)
 * @param roles       the roles in {@code mezite-roles@mezite.org}
 * @param logins      the certificate's principals: the Unix logins it was issued for
 * @param extensions  the certificate's extensions by name ({@code permit-port-forwarding}, ...)
 * @param validBefore when the certificate expires
 * @param serial      the certificate's serial, for audit
 */
public record SshUser(String username, List<String> roles, List<String> logins, Set<String> extensions,
        Instant validBefore, long serial) {

    public SshUser {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? List.of() : List.copyOf(roles);
        logins = logins == null ? List.of() : List.copyOf(logins);
        extensions = extensions == null ? Set.of() : Set.copyOf(extensions);
        Objects.requireNonNull(validBefore, "validBefore");
    }
}
