package org.mezite.client;

/**
 * Where the proxy's HTTPS API is: {@code HOST[:PORT]}, port 3080 unless written; also its SSH address, port 3023
 * unless written.
 *
 * @param host a DNS name or an IP literal, without brackets
 * @param port the TCP port
 */
record ProxyAddress(String host, int port) {

    static final int DEFAULT_PORT = 3080;
    static final int DEFAULT_SSH_PORT = 3023;

    /** @throws MshException (usage) saying what is wrong */
    static ProxyAddress parse(String text) {
        return parse(text, DEFAULT_PORT, "--proxy");
    }

    /** The proxy's SSH address. @throws MshException (usage) saying what is wrong */
    static ProxyAddress parseSsh(String text) {
        return parse(text, DEFAULT_SSH_PORT, "--ssh-proxy");
    }

    /**
     * @param option names the value in errors
     * @throws MshException (usage) saying what is wrong
     */
    static ProxyAddress parse(String text, int defaultPort, String option) {
        String value = text.strip();
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            host = close < 0 ? "" : value.substring(1, close);
            String rest = close < 0 ? "" : value.substring(close + 1);
            if (close < 0 || !rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid(option, value, "write IPv6 addresses as [ADDRESS]:PORT");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c == '?' || c == '#')) {
            throw invalid(option, value, "expected HOST:PORT, e.g. proxy.example.com:" + defaultPort);
        }
        if (port == null) {
            return new ProxyAddress(host, defaultPort);
        }
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return new ProxyAddress(host, number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(option, value, "the port must be a number from 1 to 65535");
    }

    private static MshException invalid(String option, String value, String problem) {
        return MshException.usage(option + " \"" + value + "\": " + problem);
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
