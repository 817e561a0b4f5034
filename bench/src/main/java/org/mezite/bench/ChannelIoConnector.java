package org.mezite.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.io.DefaultIoConnectFuture;
import org.apache.sshd.common.io.IoConnectFuture;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * "Connects" by opening a {@code direct-tcpip} channel to the target on the jump session named by the connect
 * context's {@link #JUMP_SESSION} attribute.
 */
final class ChannelIoConnector extends AbstractCloseable implements IoConnector {

    /** The authenticated session to the jump host that carries the new connection. */
    static final AttributeKey<ClientSession> JUMP_SESSION = new AttributeKey<>();

    private static final SshdSocketAddress ORIGINATOR = new SshdSocketAddress("127.0.0.1", 0);

    private final IoHandler handler;
    private final Map<Long, IoSession> sessions = new ConcurrentHashMap<>();
    private IoServiceEventListener listener;

    ChannelIoConnector(IoHandler handler) {
        this.handler = handler;
    }

    @Override
    public IoConnectFuture connect(SocketAddress target, AttributeRepository context, SocketAddress local) {
        DefaultIoConnectFuture future = new DefaultIoConnectFuture(target, null);
        ClientSession jump = context == null ? null : context.getAttribute(JUMP_SESSION);
        if (jump == null || !(target instanceof InetSocketAddress address)) {
            future.setException(new IOException("connect to " + target + ": no jump session in the connect context"));
            return future;
        }
        ChannelDirectTcpip channel;
        try {
            channel = jump.createDirectTcpipChannel(ORIGINATOR,
                    new SshdSocketAddress(address.getHostString(), address.getPort()));
            channel.setStreaming(StreamingChannel.Streaming.Async);
            channel.open().addListener(opened -> {
                Throwable failure = opened.getException();
                if (failure != null || !opened.isOpened()) {
                    channel.close(true);
                    future.setException(failure != null ? failure
                            : new IOException("direct-tcpip to " + target + " was not opened"));
                    return;
                }
                ChannelIoSession session = new ChannelIoSession(this, handler, channel, address);
                sessions.put(session.getId(), session);
                session.addCloseFutureListener(closed -> sessions.remove(session.getId()));
                session.setAttribute(AttributeRepository.class, context);
                try {
                    handler.sessionCreated(session);
                    future.setSession(session);
                    session.startReading();
                } catch (Exception e) {
                    session.close(true);
                    future.setException(e);
                }
            });
        } catch (IOException | RuntimeException e) {
            future.setException(e);
        }
        return future;
    }

    @Override
    public Map<Long, IoSession> getManagedSessions() {
        return sessions;
    }

    @Override
    public IoServiceEventListener getIoServiceEventListener() {
        return listener;
    }

    @Override
    public void setIoServiceEventListener(IoServiceEventListener listener) {
        this.listener = listener;
    }

    @Override
    protected void doCloseImmediately() {
        for (IoSession session : sessions.values()) {
            session.close(true);
        }
        super.doCloseImmediately();
    }
}
