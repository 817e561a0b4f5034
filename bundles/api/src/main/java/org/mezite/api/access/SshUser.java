package org.mezite.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user as their verified OpenSSH user certificate presents them.
 *
 * @param username    the Mezite user ({@code mezite-user@mezite.org}, else the key id)
 * @param roles       the roles in {@code mezite-roles@mezite.org}
 * @param logins      the certificate's principals: the Unix logins it was issued for
 * @param extensions  the certificate's extensions by name ({@code permit-port-forwarding}, ...)
 * @param traits      the user's traits as the certificate carries them ({@code mezite-traits@mezite.org}, a JSON
 *                    object of string lists), e.g. {@code logins -> [alice, ubuntu]}, {@code team -> [dev]}; the
 *                    values of role templates {@code {{internal.NAME}}} and {@code {{external.NAME}}}
 * @param validBefore when the certificate expires
 * @param serial      the certificate's serial, for audit
 */
public record SshUser(String username, List<String> roles, List<String> logins, Set<String> extensions,
        Map<String, List<String>> traits, Instant validBefore, long serial) {

    public SshUser {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? List.of() : List.copyOf(roles);
        logins = logins == null ? List.of() : List.copyOf(logins);
        extensions = extensions == null ? Set.of() : Set.copyOf(extensions);
        traits = Traits.copy(traits);
        Objects.requireNonNull(validBefore, "validBefore");
    }
}
