package org.mezite.agent.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mezd launcher hands the agent as framework properties ({@code mezite.agent.*}). The launcher has already
 * checked them against the rules of the configuration file and reported any mistake with its line; this only parses
 * them, and names the property when one is missing or malformed (for a runtime other than mezd).
 *
 * @param nodeName          the node's name, e.g. {@code node-01}
 * @param hub               the hub's Auth service, when one is configured
 * @param dataDir           where the agent keeps its state
 * @param labels            the node's labels, sorted by key
 * @param token             the one-time join token, needed until the node has joined
 * @param caPin             the pin of the cluster CA the hub must present, needed to join
 * @param heartbeatInterval a heartbeat period that overrides the hub's ({@code mezite.agent.heartbeat_interval},
 *                          e.g. {@code 500ms} or {@code 2s}; for tests, settable as a JVM system property)
 * @param proxy             the proxy's tunnel listener ({@code mezite.agent.proxy}), when not on the hub's host
 */
record AgentSettings(String nodeName, Optional<HostPort> hub, Path dataDir, Map<String, String> labels,
        Optional<String> token, Optional<CaPin> caPin, Optional<Duration> heartbeatInterval,
        Optional<HostPort> proxy) {

    static final String NODE_NAME = "mezite.agent.node_name";
    static final String HUB = "mezite.agent.hub";
    static final String DATA_DIR = "mezite.agent.data_dir";
    static final String LABELS = "mezite.agent.labels";
    static final String TOKEN = "mezite.agent.token";
    static final String CA_PIN = "mezite.agent.ca_pin";
    static final String HEARTBEAT_INTERVAL = "mezite.agent.heartbeat_interval";
    static final String PROXY = "mezite.agent.proxy";
    /** The proxy's tunnel port when no proxy is configured: the hub's host, this port. */
    static final int DEFAULT_TUNNEL_PORT = 3024;

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s)");

    AgentSettings {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** Where the proxy's tunnel listener is: the configured proxy, else the hub's host on port 3024. */
    Optional<HostPort> tunnel() {
        return proxy.isPresent() ? proxy : hub.map(h -> new HostPort(h.host(), DEFAULT_TUNNEL_PORT));
    }

    /**
     * @param property looks a framework property up, {@code null} when unset
     * @throws IllegalArgumentException naming the property that is missing or malformed
     */
    static AgentSettings from(UnaryOperator<String> property) {
        String nodeName = required(property, NODE_NAME);
        Path dataDir = Path.of(required(property, DATA_DIR));
        Optional<HostPort> hub = optional(property, HUB, HostPort::parse);
        String labels = property.apply(LABELS);
        Optional<String> token = optional(property, TOKEN, String::strip);
        Optional<CaPin> caPin = optional(property, CA_PIN, CaPin::parse);
        Optional<Duration> heartbeat = optional(property, HEARTBEAT_INTERVAL, AgentSettings::duration);
        Optional<HostPort> proxy = optional(property, PROXY, HostPort::parse);
        return new AgentSettings(nodeName, hub, dataDir, labels == null ? Map.of() : parseLabels(labels), token,
                caPin, heartbeat, proxy);
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "AgentSettings[nodeName=" + nodeName + ", hub=" + hub + ", dataDir=" + dataDir + ", labels=" + labels
                + ", token=" + token.map(t -> "****").orElse("(none)") + ", caPin=" + caPin + "]";
    }

    private static <T> Optional<T> optional(UnaryOperator<String> property, String name, Function<String, T> parse) {
        return Optional.ofNullable(property.apply(name)).filter(v -> !v.isBlank()).map(value -> {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        });
    }

    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("\"" + text + "\" must be a positive number of ms or s, e.g. 2s");
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
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
