package org.mezite.tunnel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the node's SSH server behind the tunnel: a loopback listener whose connections each behave as the
 * dial's client address says, so one test can ask for several kinds at once.
 * <ul>
 * <li>{@code echo}: sends back what it reads; on EOF, ends its output too</li>
 * <li>{@code source}: writes random bytes until the connection goes away, never reads</li>
 * <li>{@code blackhole}: accepts and never reads or writes</li>
 * <li>{@code sink}: reads until EOF, then answers with the SHA-256 of what it read, in hex</li>
 * <li>{@code bytes:N}: writes N bytes of a fixed pseudo-random stream ({@link #stream}), then ends its output</li>
 * </ul>
 * The endpoint ({@link #endpoint()}) records each {@code connect} call.
 */
final class FakeSshServer implements AutoCloseable {

    /** One {@code connect} the tunnel made. */
    record Connect(String clientAddress, String proxyId) {
    }

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<Connect> connects = new CopyOnWriteArrayList<>();
    private final AtomicLong sourced = new AtomicLong();
    private volatile String refusal;

    FakeSshServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-sshd-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The NodeSshEndpoint the agent dials through. */
    org.mezite.api.node.NodeSshEndpoint endpoint() {
        return (clientAddress, proxyId) -> {
            connects.add(new Connect(clientAddress, proxyId));
            String refused = refusal;
            if (refused != null) {
                throw new IOException(refused);
            }
            Socket socket = new Socket(listener.getInetAddress(), listener.getLocalPort());
            socket.getOutputStream().write((clientAddress + "\n").getBytes());
            return socket;
        };
    }

    /** Makes every later connect fail with this message. */
    void refuse(String message) {
        refusal = message;
    }

    List<Connect> connects() {
        return List.copyOf(connects);
    }

    /** Bytes all {@code source} connections have written so far. */
    long sourced() {
        return sourced.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                accepted.add(socket);
                Thread handler = new Thread(() -> serve(socket), "fake-sshd-conn");
                handler.setDaemon(true);
                handler.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String behaviour = readLine(in);
            OutputStream out = socket.getOutputStream();
            switch (behaviour) {
                case "echo" -> {
                    in.transferTo(out);
                    socket.shutdownOutput();
                    in.transferTo(OutputStream.nullOutputStream());
                }
                case "source" -> {
                    byte[] chunk = new byte[16 * 1024];
                    new Random(7).nextBytes(chunk);
                    while (true) {
                        out.write(chunk);
                        sourced.addAndGet(chunk.length);
                    }
                }
                case "blackhole" -> {
                    synchronized (this) {
                        wait();
                    }
                }
                case "sink" -> {
                    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        sha256.update(buffer, 0, read);
                    }
                    out.write(HexFormat.of().formatHex(sha256.digest()).getBytes(StandardCharsets.US_ASCII));
                }
                default -> {
                    if (!behaviour.startsWith("bytes:")) {
                        throw new IOException("no behaviour " + behaviour);
                    }
                    long length = Long.parseLong(behaviour.substring("bytes:".length()));
                    byte[] chunk = stream();
                    for (long left = length; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                    socket.shutdownOutput();
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (SocketException e) {
            // the tunnel closed the connection
        } catch (IOException e) {
            // the tunnel closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The block {@code bytes:N} repeats. */
    static byte[] stream() {
        byte[] chunk = new byte[256 * 1024];
        new Random(42).nextBytes(chunk);
        return chunk;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("EOF before the behaviour line");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
