package org.mezite.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP forwarder the test can cut: an agent given its port as the hub's Auth address reaches Auth through
 * it, while its reverse tunnel goes to the proxy directly. {@link #cut()} closes the listener and every forwarded
 * connection, so for the agent Auth is gone (connections reset, new ones refused) and nothing else is; {@link #open()}
 * listens on the same port again. This is how a test takes Auth away from a running session: a hub runs Auth and the
 * proxy in one process (the proxy's SSH server needs Auth's services in that process), so stopping Auth would stop
 * the proxy, the tunnel and the session with it.
 */
final class TcpForwarder implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket listener;
    private Thread acceptor;

    /** Forwards a free loopback port to {@code 127.0.0.1:target}; call {@link #open()} to listen. */
    TcpForwarder(int target) throws IOException {
        this.port = Mezhub.freePort();
        this.target = target;
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = server;
        acceptor = new Thread(() -> accept(server), "forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops listening and resets every forwarded connection. */
    synchronized void cut() throws InterruptedException {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0); // RST, as a dead peer or a firewall would
            } catch (IOException e) {
                // closed already
            }
            closeQuietly(socket);
        }
        sockets.clear();
        acceptor.join(10_000);
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // cut
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                synchronized (this) {
                    if (listener != server) {
                        closeQuietly(client);
                        closeQuietly(upstream);
                        return;
                    }
                    sockets.add(client);
                    sockets.add(upstream);
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away; the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "forwarder-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws InterruptedException {
        cut();
    }
}
