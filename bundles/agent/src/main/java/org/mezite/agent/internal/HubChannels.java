package org.mezite.agent.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.util.AdvancedTlsX509KeyManager;

/** gRPC channels to the hub's Auth service, always TLS with the hub checked by {@link HubTrust}. */
final class HubChannels {

    private HubChannels() {
    }

    /** For joining: no client certificate yet, and the hub's CA recognised by its pin. */
    static HubChannel forJoining(HostPort hub, CaPin pin, Clock clock) {
        return channel(hub, SslContextBuilder.forClient().trustManager(HubTrust.pinned(pin, clock)));
    }

    /**
     * For a joined node: mutual TLS with the node's client certificate, which {@code keys} can swap when it is
     * renewed, and the hub checked against the saved host CA.
     */
    static HubChannel forNode(HostPort hub, AdvancedTlsX509KeyManager keys, List<X509Certificate> authorities,
            Clock clock) {
        return channel(hub, SslContextBuilder.forClient().keyManager(keys)
                .trustManager(HubTrust.anchoredAt(authorities, clock)));
    }

    private static HubChannel channel(HostPort hub, SslContextBuilder tls) {
        EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("mezd-hub", true));
        try {
            // the JDK's TLS, not a native one gRPC may find: the same behaviour in every runtime
            return new HubChannel(NettyChannelBuilder.forAddress(hub.host(), hub.port())
                    .sslContext(GrpcSslContexts.configure(tls, SslProvider.JDK).build())
                    .eventLoopGroup(loop)
                    .channelType(NioSocketChannel.class)
                    // the access-policy stream lives for hours: ping it so that a dead link ends it and the agent
                    // re-opens it, instead of deciding from a stale policy (Auth permits a ping every 30 s)
                    .keepAliveTime(60, TimeUnit.SECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .keepAliveWithoutCalls(true)
                    .build(), loop);
        } catch (SSLException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot set up TLS to the hub: " + e.getMessage(), e);
        }
    }
}
