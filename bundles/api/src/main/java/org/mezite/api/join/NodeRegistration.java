package org.mezite.api.join;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a node is known by when it joins.
 *
 * @param id      the node id
 * @param name    the node's name
 * @param address the address it joined from, or {@code null}
 * @param labels  its labels
 */
public record NodeRegistration(String id, String name, String address, Map<String, String> labels) {

    public NodeRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
