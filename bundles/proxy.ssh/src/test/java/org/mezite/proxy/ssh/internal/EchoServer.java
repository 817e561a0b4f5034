package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP server on loopback that sends back what it receives and ends its output when the client ends its own. */
final class EchoServer implements AutoCloseable {

    private final ServerSocket socket;

    EchoServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "test-echo-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread echo = new Thread(() -> echo(connection), "test-echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket connection) {
        try (connection) {
            connection.getInputStream().transferTo(connection.getOutputStream());
            connection.shutdownOutput();
        } catch (IOException e) {
            // the test hung up
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
