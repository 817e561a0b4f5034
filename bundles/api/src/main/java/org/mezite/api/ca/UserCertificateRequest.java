package org.mezite.api.ca;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to put in a user certificate. The user's name and roles travel as the extensions
 * {@code mezite-user@mezite.org} and {@code mezite-roles@mezite.org} (roles comma separated).
 *
 * @param publicKey   the user's public key in OpenSSH format ({@code ssh-ed25519 AAAA... comment})
 * @param user        the Mezite user name, also the certificate's key id
 * @param roles       the user's roles
 * @param logins      the Unix logins allowed: the certificate's principals, at least one
 * @param permissions what is allowed besides a PTY session
 * @param ttl         how long the certificate is valid, positive; cut to the configured maximum
 * @param traits      the user's traits, carried as the extension {@code mezite-traits@mezite.org} (a JSON object of
 *                    string lists) so that agents can expand role templates; empty traits leave it out
 */
public record UserCertificateRequest(String publicKey, String user, List<String> roles, List<String> logins,
        Set<UserPermission> permissions, Duration ttl, Map<String, List<String>> traits) {

    public UserCertificateRequest {
        roles = roles == null ? List.of() : List.copyOf(roles);
        logins = logins == null ? List.of() : List.copyOf(logins);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        traits = org.mezite.api.access.Traits.copy(traits);
    }
}
