package org.mezite.api.access;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The node a user wants to reach.
 *
 * @param nodeId   the node's id
 * @param nodeName the node's name
 * @param labels   the node's labels
 */
public record SshTarget(String nodeId, String nodeName, Map<String, String> labels) {

    public SshTarget {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(nodeName, "nodeName");
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
