package org.mezite.tunnel.internal;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.mezite.api.node.NodeCredentials;
import org.mezite.api.node.NodeSshEndpoint;
import org.mezite.ca.tls.Addresses;
import org.mezite.proto.tunnel.v1.AgentHello;
import org.mezite.proto.tunnel.v1.AgentMessage;
import org.mezite.proto.tunnel.v1.DialRequest;
import org.mezite.proto.tunnel.v1.DialResult;
import org.mezite.proto.tunnel.v1.DialTarget;
import org.mezite.proto.tunnel.v1.Heartbeat;
import org.mezite.proto.tunnel.v1.ProxyHello;
import org.mezite.proto.tunnel.v1.ProxyMessage;
import org.mezite.proto.tunnel.v1.TunnelServiceGrpc;

import com.google.protobuf.Timestamp;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * One connection of the agent to a proxy: its channel, its control stream and the connections dialled through it.
 * It says hello with the node's identity, answers each dial by connecting to the node's SSH server and opening a
 * {@link NodeConnection}, and reports once to its {@link Listener} when it is up and when it is gone.
 */
final class ProxyLink {

    /** Hears about the link's state; called on gRPC's threads. */
    interface Listener {

        /** The proxy answered the hello. */
        void up(ProxyLink link, ProxyHello hello);

        /** The control stream ended; called once. */
        void down(ProxyLink link, String why);
    }

    private final NodeCredentials credentials;
    private final NodeSshEndpoint endpoint;
    private final Listener listener;
    private final LinkChannel channel;
    private final TunnelServiceGrpc.TunnelServiceStub stub;
    private final Set<NodeConnection> connections = ConcurrentHashMap.newKeySet();
    private final Object sendLock = new Object();
    private ClientCallStreamObserver<AgentMessage> control;
    private volatile ProxyHello hello;
    private volatile long lastHeard = System.nanoTime();
    private volatile String abortReason;
    private volatile boolean ended;

    private ProxyLink(NodeCredentials credentials, NodeSshEndpoint endpoint, Listener listener, LinkChannel channel) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.listener = listener;
        this.channel = channel;
        this.stub = TunnelServiceGrpc.newStub(channel.channel());
    }

    /** Connects with these credentials and says hello; the answer comes to {@code listener}. */
    static ProxyLink open(NodeCredentials credentials, NodeSshEndpoint endpoint, String version, Listener listener,
            Clock clock) {
        LinkChannel channel = LinkChannel.open(credentials, clock);
        try {
            ProxyLink link = new ProxyLink(credentials, endpoint, listener, channel);
            link.start(version);
            return link;
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void start(String version) {
        stub.control(new ControlStream());
        send(AgentMessage.newBuilder().setHello(AgentHello.newBuilder()
                .setNodeId(credentials.nodeId())
                .setNodeName(credentials.nodeName())
                .putAllLabels(credentials.labels())
                .setVersion(version)).build());
    }

    /** {@code proxy.example.com:3024}, and the proxy's id once it said hello. */
    String describe() {
        ProxyHello said = hello;
        String address = Addresses.format(credentials.proxyTunnel());
        return said == null || said.getProxyId().isEmpty() ? address : said.getProxyId() + " at " + address;
    }

    boolean isUp() {
        return hello != null;
    }

    /** The TLS certificate this link authenticated with. */
    X509Certificate certificate() {
        return credentials.tlsChain().get(0);
    }

    /** How often to send a heartbeat, as the proxy asked. */
    Duration heartbeat() {
        ProxyHello said = hello;
        return Duration.ofSeconds(said == null ? 10 : Math.max(1, said.getHeartbeatSeconds()));
    }

    /** Sends a heartbeat, or aborts the link when the proxy has been silent for three periods. */
    void heartbeat(Instant now) {
        Duration silent = Duration.ofNanos(System.nanoTime() - lastHeard);
        if (silent.compareTo(heartbeat().multipliedBy(3)) > 0) {
            abort("the proxy sent nothing for " + silent.toSeconds() + " s");
            return;
        }
        send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSentAt(Timestamp.newBuilder()
                .setSeconds(now.getEpochSecond()).setNanos(now.getNano()))).build());
    }

    private void send(AgentMessage message) {
        synchronized (sendLock) {
            if (!ended) {
                control.onNext(message);
            }
        }
    }

    private void dial(DialRequest request) {
        try {
            channel.threads().execute(() -> connect(request));
        } catch (RejectedExecutionException e) {
            // the link is closing
        }
    }

    private void connect(DialRequest request) {
        long id = request.getConnectionId();
        if (request.getTarget() != DialTarget.DIAL_TARGET_NODE_SSH) {
            refuse(id, "this agent cannot dial " + request.getTarget());
            return;
        }
        Socket socket;
        try {
            socket = endpoint.connect(request.getClientAddress(), hello.getProxyId());
        } catch (IOException | RuntimeException e) {
            refuse(id, "the node's SSH server did not accept the connection: " + e.getMessage());
            return;
        }
        NodeConnection connection = new NodeConnection(id, credentials.nodeId(), socket, connections::remove);
        connections.add(connection);
        try {
            connection.start(stub, channel.threads());
        } catch (IOException | RuntimeException e) {
            connection.abort("cannot pipe the node's SSH connection: " + e.getMessage());
            refuse(id, "cannot pipe the node's SSH connection: " + e.getMessage());
        }
    }

    private void refuse(long id, String error) {
        send(AgentMessage.newBuilder().setDialResult(DialResult.newBuilder().setConnectionId(id).setError(error))
                .build());
    }

    /** Ends the link: the listener hears {@code why}. */
    void abort(String why) {
        abortReason = why;
        synchronized (sendLock) {
            if (!ended) {
                control.cancel(why, null);
            }
        }
    }

    /**
     * Stops taking dials but lets the connections open now run to their end, for a link that a newer one replaced.
     * Its listener is told nothing more.
     */
    void drain() {
        ended = true;
        synchronized (sendLock) {
            control.cancel("replaced by a newer tunnel", null);
        }
        channel.drain();
    }

    /** For a draining link: releases its threads once its last connection ended; true when it has. */
    boolean closeIfDrained() {
        if (connections.isEmpty() || channel.isTerminated()) {
            channel.close();
            return true;
        }
        return false;
    }

    /** Ends the link and every connection through it, and stops its threads. */
    void close() {
        abort("the agent is stopping");
        List.copyOf(connections).forEach(connection -> connection.abort("the agent is stopping"));
        channel.close();
    }

    private final class ControlStream implements ClientResponseObserver<AgentMessage, ProxyMessage> {

        @Override
        public void beforeStart(ClientCallStreamObserver<AgentMessage> stream) {
            control = stream;
        }

        @Override
        public void onNext(ProxyMessage message) {
            lastHeard = System.nanoTime();
            switch (message.getMessageCase()) {
                case HELLO -> {
                    if (hello == null) {
                        hello = message.getHello();
                        listener.up(ProxyLink.this, hello);
                    }
                }
                case DIAL -> dial(message.getDial());
                case HEARTBEAT, MESSAGE_NOT_SET -> {
                    // heard from it: that is all a heartbeat says
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            String reason = abortReason;
            end(reason != null ? reason : describe(Status.fromThrowable(t)));
        }

        @Override
        public void onCompleted() {
            end("the proxy closed the tunnel");
        }

        private void end(String why) {
            boolean wasEnded;
            synchronized (sendLock) {
                wasEnded = ended;
                ended = true;
            }
            if (!wasEnded) {
                listener.down(ProxyLink.this, why);
            }
        }
    }

    /** A status the way an operator wants to read it: the proxy's reason, or what broke underneath. */
    static String describe(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().toString());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        Throwable cause = status.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause != null && cause.getMessage() != null
                && (status.getDescription() == null || !status.getDescription().contains(cause.getMessage()))) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }
}
