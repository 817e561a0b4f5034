package org.mezite.api.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who calls an administrative API.
 *
 * @param name     the user's name, or the console user's name for an operator
 * @param roles    the user's roles, whose {@code rules} decide; ignored for an operator
 * @param traits   the user's traits
 * @param operator whether this is an operator at the hub's own console (Karaf's {@code admin} group, which the
 *                 command ACLs already restrict {@code mezite:*} to): operators may do everything, like Teleport's
 *                 {@code tctl} on the Auth server
 */
public record Caller(String name, List<String> roles, Map<String, List<String>> traits, boolean operator) {

    public Caller {
        Objects.requireNonNull(name, "name");
        roles = roles == null ? List.of() : List.copyOf(roles);
        traits = Traits.copy(traits);
    }

    /** An operator at the hub's console. */
    public static Caller operator(String name) {
        return new Caller(name, List.of(), Map.of(), true);
    }

    /** A user whose roles decide. */
    public static Caller user(String name, List<String> roles, Map<String, List<String>> traits) {
        return new Caller(name, roles, traits, false);
    }

    @Override
    public String toString() {
        return operator ? name + " (operator)" : name + " " + roles;
    }
}
