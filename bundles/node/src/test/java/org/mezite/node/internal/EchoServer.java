package org.mezite.node.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A loopback TCP server that sends back what it receives: the far end of a forward. */
final class EchoServer implements AutoCloseable {

    private final ServerSocket server;

    EchoServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "echo");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread echo = new Thread(() -> {
                    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // the peer left
                    }
                }, "echo-connection");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Sends a line through a connection to the address and returns the line that comes back, or "" when the
     * connection is closed first (MINA's forwards do not pass a half-close, so the line is not followed by one).
     */
    static String roundTrip(InetSocketAddress address, String line) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout((int) TestClient.WAIT.toMillis());
            socket.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            for (int b; (b = in.read()) >= 0;) {
                back.write(b);
                if (b == '\n') {
                    break;
                }
            }
            return back.toString(StandardCharsets.UTF_8);
        } catch (SocketException e) {
            return ""; // reset: the forward was refused
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
