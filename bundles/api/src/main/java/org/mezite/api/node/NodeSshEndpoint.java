package org.mezite.api.node;

import java.io.IOException;
import java.net.Socket;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entrance of the node's SSH server for connections that come through the tunnel. The server is reached on a
 * loopback socket; the endpoint remembers where each such connection came from so the server's audit names the
 * user's address rather than 127.0.0.1.
 */
@ProviderType
public interface NodeSshEndpoint {

    /**
     * Connects a new socket to the node's SSH server.
     *
     * @param clientAddress the user's address as the proxy saw it
     * @param proxyId       the proxy the connection came through
     * @throws IOException when the server does not accept the connection
     */
    Socket connect(String clientAddress, String proxyId) throws IOException;
}
