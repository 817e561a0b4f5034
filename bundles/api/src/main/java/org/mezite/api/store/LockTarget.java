package org.mezite.api.store;

import java.util.Objects;

/**
 * What a lock blocks, e.g. user {@code alice} or node {@code 6d2c...}.
 *
 * @param kind  user, role, node or login
 * @param value the name or id of the target
 */
public record LockTarget(LockTargetKind kind, String value) {

    public LockTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return kind.id() + "=" + value;
    }
}
