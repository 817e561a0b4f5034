package org.mezite.client;

/**
 * Where the proxy's HTTPS API is: {@code HOST[:PORT]}, port 3080 unless written.
 *
 * @param host a DNS name or an IP literal, without brackets
 * @param port the TCP port
 */
record ProxyAddress(String host, int port) {

    static final int DEFAULT_PORT = 3080;

    /** @throws MshException (usage) saying what is wrong */
    static ProxyAddress parse(String text) {
        String value = text.strip();
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            host = close < 0 ? "" : value.substring(1, close);
            String rest = close < 0 ? "" : value.substring(close + 1);
            if (close < 0 || !rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid(value, "write IPv6 addresses as [ADDRESS]:PORT");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c == '?' || c == '#')) {
            throw invalid(value, "expected HOST:PORT, e.g. proxy.example.com:3080");
        }
        if (port == null) {
            return new ProxyAddress(host, DEFAULT_PORT);
        }
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return new ProxyAddress(host, number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(value, "the port must be a number from 1 to 65535");
    }

    private static MshException invalid(String value, String problem) {
        return MshException.usage("--proxy \"" + value + "\": " + problem);
    }

    /** The base of the API's URLs. */
    String url() {
        return "https://" + this;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
