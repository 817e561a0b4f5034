package org.mezite.agent.internal;

/**
 * A {@code host:port} as operators write it: {@code hub.example.com:3025}, {@code 10.0.0.5:3025}, {@code [::1]:3025}.
 *
 * @param host a name or an address, without brackets
 * @param port 1 to 65535
 */
record HostPort(String host, int port) {

    /**
     * @throws IllegalArgumentException when {@code text} is not {@code HOST:PORT}; the message quotes it
     */
    static HostPort parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("\"" + text + "\" must be HOST:PORT");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("\"" + text + "\" must be HOST:PORT (write IPv6 addresses as [ADDR]:PORT)");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\": port must be a number from 1 to 65535");
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("\"" + text + "\" must be HOST:PORT with a port from 1 to 65535");
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
