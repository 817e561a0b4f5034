package org.mezite.rbac.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.store.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns policies into evaluators. Roles whose stored text did not change since the previous policy are reused, so a
 * new revision caused by a lock or a terminated session costs no parsing.
 */
final class PolicyCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCompiler.class);

    private final RoleDocumentParser parser;
    private final Clock clock;
    /** The roles of the previous policy by stored name and text. */
    private Map<Key, CompiledRole> previous = Map.of();

    PolicyCompiler(RoleDocumentParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    synchronized PolicyEvaluator compile(AccessPolicy policy) {
        Map<Key, CompiledRole> compiled = new HashMap<>();
        List<CompiledRole> roles = new ArrayList<>();
        for (Role stored : policy.roles()) {
            Key key = new Key(stored.name(), stored.spec());
            CompiledRole role = previous.get(key);
            if (role == null) {
                role = compile(stored);
            }
            compiled.put(key, role);
            roles.add(role);
        }
        previous = compiled;
        return new PolicyEvaluator(policy.revision(), roles, policy.locks(), clock);
    }

    private CompiledRole compile(Role stored) {
        try {
            CompiledRole role = parser.read(stored.spec()).role();
            if (!role.name().equals(stored.name())) {
                LOG.warn("Role \"{}\" is stored with a document named \"{}\"; it counts as \"{}\"", stored.name(),
                        role.name(), stored.name());
                role = new CompiledRole(stored.name(), role.options(), role.allow(), role.deny(), null);
            }
            return role;
        } catch (InvalidRoleException e) {
            LOG.warn("Role \"{}\" in the store is invalid and denies everything to its holders: {}", stored.name(),
                    e.getMessage());
            return CompiledRole.unusable(stored.name(), e.getMessage());
        }
    }

    private record Key(String name, String spec) {
    }
}
