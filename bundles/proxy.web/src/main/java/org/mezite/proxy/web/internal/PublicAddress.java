package org.mezite.proxy.web.internal;

import java.util.Objects;

/**
 * A host and port as users type them: {@code proxy.example.com:3080}, {@code 10.0.0.5:3080}, {@code [::1]:3080}.
 *
 * @param host a DNS name or an IP literal, without brackets
 * @param port the TCP port
 */
record PublicAddress(String host, int port) {

    PublicAddress {
        Objects.requireNonNull(host, "host");
    }

    /**
     * Parses {@code HOST[:PORT]}.
     *
     * @param defaultPort the port when none is written
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static PublicAddress parse(String text, int defaultPort) {
        String value = text.strip();
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("\"" + value + "\": missing ] after the IPv6 address");
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("\"" + value + "\": expected :PORT after ]");
                }
                port = rest.substring(1);
            }
        } else if (value.indexOf(':') != value.lastIndexOf(':')) {
            host = value; // a bare IPv6 address
        } else {
            int colon = value.indexOf(':');
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("\"" + value + "\": the host is missing");
        }
        if (host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new IllegalArgumentException("\"" + value + "\" is not a host name or address");
        }
        return new PublicAddress(host, port == null ? defaultPort : port(value, port));
    }

    private static int port(String value, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + value + "\": the port must be a number from 1 to 65535");
    }

    /** With brackets around an IPv6 host, as in URLs and known_hosts. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
