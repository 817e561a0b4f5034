package org.mezite.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.future.DefaultConnectFuture;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.future.SshFutureListener;
import org.apache.sshd.common.io.DefaultIoConnectFuture;
import org.apache.sshd.common.io.IoService;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

/**
 * MINA's SSH client, able to also run a session over a channel of another session ({@link ChannelIoSession}):
 * {@link #connectThrough} is the one addition; everything else (key exchange, host key checks, authentication) is
 * MINA's own code path for a socket connection.
 */
final class MshSshClient extends SshClient {

    private static final AttributeKey<ClientChannel> THROUGH = new AttributeKey<>();

    private final AtomicLong transportIds = new AtomicLong();
    private final ChannelTransports transports = new ChannelTransports();

    /**
     * Starts an SSH session with the server at the other end of {@code channel}.
     *
     * @param channel an open channel in asynchronous mode whose data is the server's SSH connection
     * @param host    the server's name, which its host certificate must name
     */
    ConnectFuture connectThrough(ClientChannel channel, String username, String host, int port) throws IOException {
        HostConfigEntry entry = new HostConfigEntry(host, host, port, username);
        entry.setIdentitiesOnly(true);
        // unresolved: the name is only checked against the certificate, never looked up
        return doConnect(username, InetSocketAddress.createUnresolved(host, port),
                AttributeRepository.ofKeyValuePair(THROUGH, channel), null, KeyIdentityProvider.EMPTY_KEYS_PROVIDER,
                entry);
    }

    @Override
    protected ConnectFuture doConnect(String username, SocketAddress targetAddress, AttributeRepository context,
            SocketAddress localAddress, KeyIdentityProvider identities, HostConfigEntry hostConfig)
            throws IOException {
        ClientChannel channel = context == null ? null : context.getAttribute(THROUGH);
        if (channel == null) {
            return super.doConnect(username, targetAddress, context, localAddress, identities, hostConfig);
        }
        ConnectFuture connected = new DefaultConnectFuture(username + "@" + targetAddress, null);
        DefaultIoConnectFuture transportReady = new DefaultIoConnectFuture(targetAddress, null);
        transportReady.addListener(createConnectCompletionListener(connected, username, targetAddress, identities,
                hostConfig));
        ChannelIoSession transport = new ChannelIoSession(transportIds.incrementAndGet(), channel,
                getSessionFactory(), transports, targetAddress);
        try {
            transport.create();
        } catch (Exception e) {
            transport.close(true);
            transportReady.setException(e);
            return connected;
        }
        transports.sessions.put(transport.getId(), transport);
        transport.addCloseFutureListener(closed -> transports.sessions.remove(transport.getId()));
        // the session learns its user name and target from this listener, so it reads only afterwards
        transportReady.setSession(transport);
        transport.startReading();
        return connected;
    }

    /** What {@link IoSession#getService()} answers for sessions over channels. */
    private static final class ChannelTransports implements IoService {
        final Map<Long, IoSession> sessions = new ConcurrentHashMap<>();
        private volatile IoServiceEventListener listener;

        @Override
        public Map<Long, IoSession> getManagedSessions() {
            return Map.copyOf(sessions);
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
        public CloseFuture close(boolean immediately) {
            sessions.values().forEach(session -> session.close(immediately));
            DefaultCloseFuture closed = new DefaultCloseFuture(this, null);
            closed.setClosed();
            return closed;
        }

        @Override
        public void addCloseFutureListener(SshFutureListener<CloseFuture> l) {
            // closing is immediate
        }

        @Override
        public void removeCloseFutureListener(SshFutureListener<CloseFuture> l) {
            // closing is immediate
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public boolean isClosing() {
            return false;
        }
    }
}
