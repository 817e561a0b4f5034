package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

/** The target of {@code mezite:lock-add}: exactly one of {@code --user}, {@code --role}, {@code --login}, {@code --node}. */
final class LockTargets {

    private LockTargets() {
    }

    static LockTarget of(String user, String role, String login, String node) {
        Map<LockTargetKind, String> given = new LinkedHashMap<>();
        put(given, LockTargetKind.USER, user);
        put(given, LockTargetKind.ROLE, role);
        put(given, LockTargetKind.LOGIN, login);
        put(given, LockTargetKind.NODE, node);
        if (given.size() != 1) {
            throw new IllegalArgumentException("give exactly one of --user, --role, --login, --node"
                    + (given.isEmpty() ? "" : " (got " + String.join(", ",
                            given.keySet().stream().map(k -> "--" + k.id()).toList()) + ")"));
        }
        var entry = given.entrySet().iterator().next();
        return new LockTarget(entry.getKey(), entry.getValue());
    }

    private static void put(Map<LockTargetKind, String> given, LockTargetKind kind, String value) {
        if (value != null) {
            given.put(kind, value);
        }
    }
}
