package org.mezite.agent.launcher;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A valid agent configuration file.
 *
 * @param nodeName the node's name
 * @param hub      {@code host:port} of the hub's Auth service, when the agent should reach one
 * @param dataDir  where the agent keeps its state, absolute
 * @param labels   the node's labels in the order written
 */
record AgentConfig(String nodeName, Optional<String> hub, Path dataDir, Map<String, String> labels) {

    /** Prefix of the framework properties that carry the configuration to the agent bundle. */
    static final String PROPERTY_PREFIX = "mezite.agent.";

    AgentConfig {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The configuration as the agent bundle reads it: {@code mezite.agent.node_name}, ... */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PROPERTY_PREFIX + AgentConfigParser.NODE_NAME, nodeName);
        hub.ifPresent(h -> properties.put(PROPERTY_PREFIX + AgentConfigParser.HUB, h));
        properties.put(PROPERTY_PREFIX + AgentConfigParser.DATA_DIR, dataDir.toString());
        properties.put(PROPERTY_PREFIX + AgentConfigParser.LABELS, labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        return properties;
    }
}
