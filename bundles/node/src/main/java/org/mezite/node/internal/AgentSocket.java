package org.mezite.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.session.ConnectionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarded agent's socket on the node ({@code SSH_AUTH_SOCK}), like sshd's: a Unix socket in a fresh directory
 * that only the login can enter (mode 0700, owned by it). Each process that connects gets a channel of its own back
 * to the client's agent, and the bytes are piped both ways. Removed when the connection ends.
 */
final class AgentSocket implements SshAgentServer {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSocket.class);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final int CHUNK = 16 * 1024;

    private final ConnectionService service;
    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final ExecutorService executor;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private AgentSocket(ConnectionService service, Path directory, Path socket, ServerSocketChannel server,
            ExecutorService executor) {
        this.service = service;
        this.directory = directory;
        this.socket = socket;
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param parent where the directory is made, e.g. {@code /tmp}
     * @throws IOException when the socket cannot be made
     */
    static AgentSocket open(ConnectionService service, UnixAccount account, Path parent, ExecutorService executor)
            throws IOException {
        Path directory = Files.createTempDirectory(parent, "mezd-agent-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path socket = directory.resolve("agent.sock");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            for (Path path : new Path[] {socket, directory}) {
                Files.setAttribute(path, "unix:uid", account.uid());
                Files.setAttribute(path, "unix:gid", account.gid());
            }
            AgentSocket agent = new AgentSocket(service, directory, socket, server, executor);
            executor.execute(agent::accept);
            return agent;
        } catch (IOException | RuntimeException e) {
            delete(directory);
            throw e;
        }
    }

    @Override
    public String getId() {
        return socket.toString();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.getAndSet(false)) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("cannot close {}: {}", socket, e.toString());
            }
            delete(directory);
        }
    }

    private void accept() {
        while (open.get()) {
            try {
                SocketChannel client = server.accept();
                executor.execute(() -> forward(client));
            } catch (IOException e) {
                if (open.get()) {
                    LOG.debug("agent socket {} stops accepting: {}", socket, e.toString());
                }
                return;
            }
        }
    }

    private void forward(SocketChannel client) {
        AgentChannel channel = new AgentChannel();
        try (client) {
            service.registerChannel(channel);
            channel.open().verify(OPEN_TIMEOUT);
            OutputStream toAgent = channel.getInvertedIn();
            InputStream fromAgent = channel.getInvertedOut();
            executor.execute(() -> {
                try (OutputStream toClient = Channels.newOutputStream(client)) {
                    fromAgent.transferTo(toClient);
                } catch (IOException e) {
                    LOG.debug("agent replies end: {}", e.toString());
                }
            });
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            while (client.read(buffer) >= 0) {
                buffer.flip();
                toAgent.write(buffer.array(), 0, buffer.limit());
                toAgent.flush();
                buffer.clear();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("agent connection on {} ends: {}", socket, e.toString());
        } finally {
            channel.close(false);
        }
    }

    private static void delete(Path directory) {
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", directory, e.toString());
        }
    }
}
