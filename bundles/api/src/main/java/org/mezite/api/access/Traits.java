package org.mezite.api.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies of trait maps (trait name to values), keeping the order they were given in. */
public final class Traits {

    private Traits() {
    }

    /** An unmodifiable copy; {@code null} gives an empty map. */
    public static Map<String, List<String>> copy(Map<String, List<String>> traits) {
        if (traits == null || traits.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        traits.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "trait name"),
                values == null ? List.of() : List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
