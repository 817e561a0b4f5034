package org.mezite.node.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The origins of the connections the tunnel hands over on loopback, by the local port of the tunnel's socket: the
 * port is known (bound) before the connection is made, so the server finds the entry whenever it accepts it.
 */
final class ConnectionOrigins {

    private final Map<Integer, Origin> byPort = new ConcurrentHashMap<>();

    void expect(int localPort, Origin origin) {
        byPort.put(localPort, origin);
    }

    void forget(int localPort) {
        byPort.remove(localPort);
    }

    /** The origin announced for a connection from this loopback port, consumed; {@code null} when none was. */
    Origin claim(int localPort) {
        return byPort.remove(localPort);
    }
}
