package org.mezite.rbac.internal;

import java.util.Objects;

/**
 * A role ready for decisions: immutable, its patterns compiled. A stored role that no longer reads as a valid role
 * is kept as an unusable role ({@link #problem()} set), which denies everything to whoever holds it: dropping it
 * silently could drop a deny.
 *
 * @param name    the role's name
 * @param options {@code spec.options}
 * @param allow   {@code spec.allow}
 * @param deny    {@code spec.deny}
 * @param problem why the role cannot be used, or {@code null}
 */
record CompiledRole(String name, RoleOptions options, RoleConditions allow, RoleConditions deny, String problem) {

    CompiledRole {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(deny, "deny");
    }

    static CompiledRole unusable(String name, String problem) {
        return new CompiledRole(name, RoleOptions.NONE, RoleConditions.NONE, RoleConditions.NONE, problem);
    }

    boolean usable() {
        return problem == null;
    }

    /** The reason given when this unusable role decides. */
    String unusableReason() {
        return "role \"" + name + "\" is invalid and denies everything (" + problem + ")";
    }
}
