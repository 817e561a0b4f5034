package org.mezite.rbac.internal;

import java.util.List;

/**
 * One side of a role, {@code allow} or {@code deny}.
 *
 * @param logins     the Unix logins
 * @param nodeLabels the nodes
 * @param rules      the administrative rules
 */
record RoleConditions(ValueMatcher logins, LabelSelector nodeLabels, List<Rule> rules) {

    static final RoleConditions NONE = new RoleConditions(ValueMatcher.NONE, LabelSelector.NONE, List.of());

    RoleConditions {
        rules = List.copyOf(rules);
    }

    /** The first rule covering the verb on the resource, or {@code null}. */
    Rule rule(String resource, String verb) {
        for (Rule rule : rules) {
            if (rule.matches(resource, verb)) {
                return rule;
            }
        }
        return null;
    }
}
