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
 * @param token    the one-time join token, until the node has joined
 * @param caPin    the pin of the cluster CA ({@code sha256:HEX}), to recognise the real hub when joining
 * @param network  the optional network settings that are passed on as they are: proxy, ssh_listen,
 *                 client_idle_timeout
 */
record AgentConfig(String nodeName, Optional<String> hub, Path dataDir, Map<String, String> labels,
        Optional<String> token, Optional<String> caPin, Map<String, String> network) {

    /** Prefix of the framework properties that carry the configuration to the agent bundle. */
    static final String PROPERTY_PREFIX = "mezite.agent.";

    AgentConfig {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        network = Map.copyOf(network);
    }

    /** The configuration as the agent bundle reads it: {@code mezite.agent.node_name}, ... */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PROPERTY_PREFIX + AgentConfigParser.NODE_NAME, nodeName);
        hub.ifPresent(h -> properties.put(PROPERTY_PREFIX + AgentConfigParser.HUB, h));
        properties.put(PROPERTY_PREFIX + AgentConfigParser.DATA_DIR, dataDir.toString());
        properties.put(PROPERTY_PREFIX + AgentConfigParser.LABELS, labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        token.ifPresent(t -> properties.put(PROPERTY_PREFIX + AgentConfigParser.TOKEN, t));
        caPin.ifPresent(p -> properties.put(PROPERTY_PREFIX + AgentConfigParser.CA_PIN, p));
        network.forEach((key, value) -> properties.put(PROPERTY_PREFIX + key, value));
        return properties;
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "AgentConfig[nodeName=" + nodeName + ", hub=" + hub + ", dataDir=" + dataDir + ", labels=" + labels
                + ", token=" + token.map(t -> "****").orElse("(none)") + ", caPin=" + caPin + ", network=" + network + "]";
    }
}
