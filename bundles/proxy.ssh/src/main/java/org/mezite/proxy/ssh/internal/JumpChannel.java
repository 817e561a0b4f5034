package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.Closeable;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code direct-tcpip} channel to a node's SSH server: what OpenSSH's {@code ProxyJump} ({@code ssh -J}) opens. The
 * target host is a node's name or id, possibly followed by {@code .CLUSTER}; the port is 22. The channel opens only
 * once the node has been found, the user allowed and the node dialled; otherwise it fails with the reason. Then it
 * carries the client's SSH session to the node and back, unread.
 */
final class JumpChannel extends AbstractServerChannel implements TunnelPipe.ChannelSide {

    static final String TYPE = "direct-tcpip";
    private static final Logger LOG = LoggerFactory.getLogger(JumpChannel.class);

    private final NodeRouter router;
    private final TunnelPipe pipe = new TunnelPipe(this);
    private ChannelAsyncOutputStream out;
    private volatile LiveRoutes.Route live;

    private JumpChannel(NodeRouter router) {
        super("", List.of(), null);
        this.router = router;
    }

    /** Makes the channel for each {@code direct-tcpip} request. */
    static final class Factory implements ChannelFactory {

        private final NodeRouter router;

        Factory(NodeRouter router) {
            this.router = router;
        }

        @Override
        public String getName() {
            return TYPE;
        }

        @Override
        public Channel createChannel(Session session) {
            return new JumpChannel(router);
        }
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        String host = buffer.getString();
        int port = buffer.getInt();
        buffer.getString(); // originator address and port: the client's own idea, the session knows the real one
        buffer.getInt();
        OpenFuture opened = new DefaultOpenFuture(this, this);
        ServerSession session = (ServerSession) getSession();
        out = new ChannelAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
        // nothing to say on a direct-tcpip channel: the connection's disconnect message tells the user
        live = ProxySessions.routes(session).open(message -> CompletableFuture.completedFuture(null));
        router.route(ProxySessions.user(session), live, new NodeRequest(null, host, port),
                ProxySessions.clientAddress(session), TYPE).whenComplete((route, error) -> {
                    if (error != null) {
                        refuse(opened, RouteRefusedException.of(error));
                    } else {
                        opened(opened, route);
                    }
                });
        return opened;
    }

    private void opened(OpenFuture opened, NodeRouter.Route route) {
        if (isClosing()) { // the client went away while the node was dialled
            route.connection().close();
            opened.setException(new SshChannelOpenException(getChannelId(), SshConstants.SSH_OPEN_CONNECT_FAILED,
                    "the channel closed before node \"" + route.node().name() + "\" answered"));
            return;
        }
        try {
            signalChannelOpenSuccess(); // sends the confirmation, before any data
            opened.setOpened();
        } catch (RuntimeException e) {
            route.connection().close();
            signalChannelOpenFailure(e);
            opened.setException(e);
            return;
        }
        notifyStateChanged("opened to node " + route.node().id());
        pipe.connect(route.connection());
    }

    private void refuse(OpenFuture opened, RouteRefusedException refusal) {
        if (service instanceof ProxyConnectionService connection) {
            connection.openFailureReason(getRecipient(), refusal.getMessage());
        }
        try {
            signalChannelOpenFailure(refusal);
            opened.setException(new SshChannelOpenException(getChannelId(), refusal.reasonCode(),
                    refusal.getMessage(), refusal));
        } finally {
            close(true);
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) {
        pipe.fromClient(data, off, (int) len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) {
        throw new UnsupportedOperationException("a direct-tcpip channel carries no extended data");
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        pipe.clientEnded();
    }

    @Override
    public void handleWindowAdjust(Buffer buffer) throws IOException {
        super.handleWindowAdjust(buffer);
        if (out != null) {
            out.onWindowExpanded();
        }
    }

    @Override
    protected boolean mayWrite() {
        // the node's last bytes may still be on their way to the client while the channel closes gracefully
        return !isClosed();
    }

    @Override
    protected Closeable getInnerCloseable() {
        return builder().close(out).close(super.getInnerCloseable()).build();
    }

    @Override
    protected void preClose() {
        if (getSession() instanceof ServerSession session) {
            ProxySessions.routes(session).close(live);
        }
        pipe.close();
        super.preClose();
    }

    @Override
    public int clientPacketSize() {
        return DataPackets.clientPacketSize(this);
    }

    @Override
    public Buffer packetBuffer(int length) {
        return DataPackets.buffer(this, length);
    }

    @Override
    public IoOutputStream clientOutput() {
        return out;
    }

    @Override
    public void released(int length) {
        LocalWindow window = getLocalWindow();
        try {
            if (window.isOpen()) {
                window.release(length);
            }
        } catch (IOException e) {
            LOG.debug("proxy-ssh: cannot open the window of {}: {}", this, e.getMessage());
            close(true);
        }
    }

    @Override
    public void nodeEnded() {
        try {
            sendEof();
        } catch (IOException e) {
            LOG.debug("proxy-ssh: cannot send EOF on {}: {}", this, e.getMessage());
            close(true);
        }
    }

    @Override
    public void finished() {
        close(false);
    }

    @Override
    public void broken(Throwable cause) {
        LOG.debug("proxy-ssh: the connection of {} to its node broke: {}", this, cause.toString());
        close(true);
    }
}
