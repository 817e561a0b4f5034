package org.mezite.proxy.ssh.internal;

import java.io.IOException;

import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * msh's way through the proxy: the subsystem {@code proxy:LOGIN@NODE:PORT}. Like {@link JumpChannel}, but the login
 * is known, so the access check asks about it before the node is dialled; the subsystem's standard input and output
 * then carry the SSH session to and from the node. A refusal is one line on standard error and exit status 1.
 */
final class ProxySubsystem extends ProxyCommand implements TunnelPipe.ChannelSide {

    static final String VIA = "subsystem";
    private static final Logger LOG = LoggerFactory.getLogger(ProxySubsystem.class);

    private final NodeRouter router;
    private final String subsystem;
    private final TunnelPipe pipe = new TunnelPipe(this);
    private volatile String nodeName;
    private volatile LiveRoutes.Route live;

    ProxySubsystem(NodeRouter router, String subsystem) {
        this.router = router;
        this.subsystem = subsystem;
    }

    @Override
    ChannelDataReceiver receiver() {
        return new ChannelDataReceiver() {
            @Override
            public int data(ChannelSession session, byte[] buf, int start, int len) {
                pipe.fromClient(buf, start, len);
                return 0; // the window opens once the node has taken the bytes
            }

            @Override
            public void close() {
                pipe.clientEnded();
            }
        };
    }

    @Override
    public void start(ChannelSession session, Environment environment) {
        NodeRequest request;
        try {
            request = NodeRequest.parseSubsystem(subsystem);
        } catch (RouteRefusedException e) {
            fail(e.getMessage());
            return;
        }
        ServerSession connection = session.getSession();
        live = ProxySessions.routes(connection).open(this::fail);
        router.route(ProxySessions.user(connection), live, request, ProxySessions.clientAddress(connection), VIA)
                .whenComplete((route, error) -> {
                    if (error != null) {
                        fail(RouteRefusedException.of(error).getMessage());
                    } else {
                        nodeName = route.node().name();
                        pipe.connect(route.connection());
                    }
                });
    }

    @Override
    public void destroy(ChannelSession session) {
        ProxySessions.routes(session.getSession()).close(live);
        pipe.close();
    }

    @Override
    public int clientPacketSize() {
        return DataPackets.clientPacketSize(channel());
    }

    @Override
    public Buffer packetBuffer(int length) {
        return DataPackets.buffer(channel(), length);
    }

    @Override
    public IoOutputStream clientOutput() {
        return out();
    }

    @Override
    public void released(int length) {
        LocalWindow window = channel().getLocalWindow();
        try {
            if (window.isOpen()) {
                window.release(length);
            }
        } catch (IOException e) {
            LOG.debug("proxy-ssh: cannot open the window of {}: {}", channel(), e.getMessage());
            channel().close(true);
        }
    }

    @Override
    public void nodeEnded() {
        exit(0, null);
    }

    @Override
    public void finished() {
        // the exit status has been sent when the node ended
    }

    @Override
    public void broken(Throwable cause) {
        fail("the connection to node \"" + nodeName + "\" broke: " + cause.getMessage());
    }
}
