package org.mezite.agent.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the mezd launcher hands the agent as framework properties ({@code mezite.agent.*}). The launcher has already
 * checked them against the rules of the configuration file and reported any mistake with its line; this only parses
 * them, and names the property when one is missing or malformed (for a runtime other than mezd).
 *
 * @param nodeName the node's name, e.g. {@code node-01}
 * @param hub      the hub's Auth service, when one is configured
 * @param dataDir  where the agent keeps its state
 * @param labels   the node's labels, sorted by key
 */
record AgentSettings(String nodeName, Optional<HostPort> hub, Path dataDir, Map<String, String> labels) {

    static final String NODE_NAME = "mezite.agent.node_name";
    static final String HUB = "mezite.agent.hub";
    static final String DATA_DIR = "mezite.agent.data_dir";
    static final String LABELS = "mezite.agent.labels";

    AgentSettings {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /**
     * @param property looks a framework property up, {@code null} when unset
     * @throws IllegalArgumentException naming the property that is missing or malformed
     */
    static AgentSettings from(UnaryOperator<String> property) {
        String nodeName = required(property, NODE_NAME);
        Path dataDir = Path.of(required(property, DATA_DIR));
        Optional<HostPort> hub = Optional.ofNullable(property.apply(HUB)).filter(h -> !h.isBlank()).map(h -> {
            try {
                return HostPort.parse(h);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(HUB + ": " + e.getMessage(), e);
            }
        });
        String labels = property.apply(LABELS);
        return new AgentSettings(nodeName, hub, dataDir, labels == null ? Map.of() : parseLabels(labels));
    }

    /** {@code env=prod,team=db}. */
    private static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new TreeMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(LABELS + ": \"" + pair.strip() + "\" must be KEY=VALUE");
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return labels;
    }

    private static String required(UnaryOperator<String> property, String name) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set (start the agent with `mezd start --config FILE`)");
        }
        return value.strip();
    }
}
