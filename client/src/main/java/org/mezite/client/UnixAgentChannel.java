package org.mezite.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.Closeable;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.AbstractServerChannel;

/**
 * A forwarded agent channel ({@code auth-agent@openssh.com}, opened by the node) connected to the local agent's Unix
 * socket: bytes pass unchanged both ways, so the agent's keys, constraints and confirmations work as with OpenSSH.
 */
final class UnixAgentChannel extends AbstractServerChannel {

    private final Path socketPath;
    private SocketChannel socket;
    private OutputStream toNode;

    private UnixAgentChannel(Path socketPath) {
        super(null);
        this.socketPath = socketPath;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        OpenFuture opened = new DefaultOpenFuture(this, this);
        try {
            socket = SocketChannel.open(UnixDomainSocketAddress.of(socketPath));
            toNode = new ChannelOutputStream(this, getRemoteWindow(), log, SshConstants.SSH_MSG_CHANNEL_DATA, true);
            Thread reader = new Thread(this::pumpFromAgent, "msh-agent-forward");
            reader.setDaemon(true);
            reader.start();
            signalChannelOpenSuccess();
            opened.setOpened();
        } catch (IOException e) {
            signalChannelOpenFailure(e);
            opened.setException(e);
        }
        return opened;
    }

    private void pumpFromAgent() {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (socket.read(buffer.clear()) >= 0) {
                toNode.write(buffer.array(), 0, buffer.position());
                toNode.flush();
            }
            toNode.close();
        } catch (IOException e) {
            // the agent or the channel went away
        } finally {
            close(false);
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(data, off, (int) len);
        while (bytes.hasRemaining()) {
            socket.write(bytes);
        }
        getLocalWindow().release(len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        throw new IOException("an agent channel carries no extended data");
    }

    @Override
    protected Closeable getInnerCloseable() {
        return builder().close(super.getInnerCloseable()).run(toString(), this::closeSocket).build();
    }

    private void closeSocket() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Makes a channel to the agent for each forwarded agent channel the node opens. */
    static final class Factory implements ChannelFactory {
        private final String name;
        private final Path socket;

        Factory(String name, Path socket) {
            this.name = name;
            this.socket = socket;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Channel createChannel(Session session) {
            return new UnixAgentChannel(socket);
        }
    }
}
