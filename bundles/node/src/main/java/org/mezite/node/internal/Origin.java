package org.mezite.node.internal;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where an SSH connection really comes from: the user's address as the proxy saw it for a connection through the
 * tunnel, the socket's peer for a direct one.
 *
 * @param host    the user's IP address (or host name, as the proxy gave it)
 * @param port    the user's source port, 0 when unknown
 * @param proxyId the proxy the connection came through, {@code null} for a direct connection
 */
record Origin(String host, int port, String proxyId) {

    Origin {
        Objects.requireNonNull(host, "host");
    }

    static Origin direct(InetSocketAddress peer) {
        return new Origin(peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString(),
                peer.getPort(), null);
    }

    /**
     * The proxy's description of a user's address: {@code 203.0.113.7:51234}, {@code [2001:db8::1]:51234}, a bare
     * address, or a bare IPv6 address.
     */
    static Origin viaProxy(String clientAddress, String proxyId) {
        String text = clientAddress == null ? "" : clientAddress.strip();
        if (text.isEmpty()) {
            return new Origin("unknown", 0, proxyId);
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close > 0) {
                return new Origin(text.substring(1, close), port(text.substring(close + 1)), proxyId);
            }
        }
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.indexOf(':') == colon) {
            return new Origin(text.substring(0, colon), port(text.substring(colon)), proxyId);
        }
        return new Origin(text, 0, proxyId);
    }

    private static int port(String suffix) {
        if (suffix.length() < 2 || suffix.charAt(0) != ':') {
            return 0;
        }
        try {
            int port = Integer.parseInt(suffix.substring(1));
            return port >= 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
