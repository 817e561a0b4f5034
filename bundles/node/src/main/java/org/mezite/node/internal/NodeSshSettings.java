package org.mezite.node.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node SSH server's framework properties.
 *
 * @param directListen      {@code mezite.agent.ssh_listen}: {@code host:port} where the server also listens for
 *                          direct connections, bypassing the proxy; empty (unset) for none
 * @param clientIdleTimeout {@code mezite.agent.client_idle_timeout}: how long a connection may go without traffic
 *                          before it is closed, e.g. {@code 30m}; empty (unset or {@code 0}) for never
 */
record NodeSshSettings(Optional<InetSocketAddress> directListen, Optional<Duration> clientIdleTimeout) {

    static final String SSH_LISTEN = "mezite.agent.ssh_listen";
    static final String CLIENT_IDLE_TIMEOUT = "mezite.agent.client_idle_timeout";

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

    static NodeSshSettings none() {
        return new NodeSshSettings(Optional.empty(), Optional.empty());
    }

    /**
     * @param property looks a framework property up, {@code null} when unset
     * @throws IllegalArgumentException naming the property that is malformed
     */
    static NodeSshSettings from(UnaryOperator<String> property) {
        Optional<InetSocketAddress> listen = Optional.ofNullable(property.apply(SSH_LISTEN)).map(String::strip)
                .filter(v -> !v.isEmpty()).map(NodeSshSettings::address);
        Optional<Duration> idle = Optional.ofNullable(property.apply(CLIENT_IDLE_TIMEOUT)).map(String::strip)
                .filter(v -> !v.isEmpty()).flatMap(NodeSshSettings::duration);
        return new NodeSshSettings(listen, idle);
    }

    /** {@code host:port}, {@code [v6]:port} or {@code :port} (every address). */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(SSH_LISTEN + ": \"" + text + "\" is not host:port, e.g. 0.0.0.0:2022");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SSH_LISTEN + ": \"" + text.substring(colon + 1)
                    + "\" is not a port number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(SSH_LISTEN + ": port " + port + " is not between 1 and 65535");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    private static Optional<Duration> duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(CLIENT_IDLE_TIMEOUT + ": \"" + text
                    + "\" is not a duration such as 30m, 90s or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }
}
