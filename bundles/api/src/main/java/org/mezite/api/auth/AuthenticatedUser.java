package org.mezite.api.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who logged in, as a connector vouches for it: what Auth needs to evaluate roles and issue certificates.
 *
 * @param username the Mezite user name
 * @param roles    role names
 * @param traits   trait name to values, e.g. {@code logins -> [root, ubuntu]}
 * @param method   how the user logged in: {@value LocalAuthenticator#METHOD} or a connector's name
 */
public record AuthenticatedUser(String username, List<String> roles, Map<String, List<String>> traits,
        String method) {

    public AuthenticatedUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(method, "method");
        roles = List.copyOf(roles);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        traits.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "trait name"), List.copyOf(values)));
        traits = Collections.unmodifiableMap(copy);
    }
}
