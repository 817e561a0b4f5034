package org.mezite.rbac.internal;

import java.util.Set;

/** One entry of a role's {@code rules}: the verbs it grants or denies on the resources, either may be {@code *}. */
final class Rule {

    static final Set<String> RESOURCES = Set.of("user", "role", "token", "connector", "node", "session", "lock",
            "cert_authority", "audit", "recording", "cluster");
    static final Set<String> VERBS = Set.of("list", "read", "create", "update", "delete");

    private final Set<String> resources;
    private final Set<String> verbs;

    Rule(Set<String> resources, Set<String> verbs) {
        this.resources = Set.copyOf(resources);
        this.verbs = Set.copyOf(verbs);
    }

    boolean matches(String resource, String verb) {
        return (resources.contains("*") || resources.contains(resource)) && (verbs.contains("*") || verbs.contains(verb));
    }
}
