package org.mezite.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Plays the tunnel for a test: a client connects here, and the bytes go to and from a socket the node's
 * {@link org.mezite.api.node.NodeSshEndpoint} handed out.
 */
final class Relay implements AutoCloseable {

    /** Opens the node side of one connection. */
    interface Dialer {
        Socket dial() throws IOException;
    }

    private final ServerSocket server;

    Relay(Dialer dialer) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket node = dialer.dial();
                    pipe(client, node);
                    pipe(node, client);
                } catch (IOException | RuntimeException e) {
                    if (!server.isClosed()) {
                        System.err.println("relay: " + e);
                        e.printStackTrace();
                    }
                    return;
                }
            }
        }, "relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side left
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }, "relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
