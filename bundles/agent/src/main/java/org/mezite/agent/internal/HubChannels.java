package org.mezite.agent.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import javax.net.ssl.SSLException;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.util.AdvancedTlsX509KeyManager;

/** gRPC channels to the hub's Auth service, always TLS with the hub checked by {@link HubTrust}. */
final class HubChannels {

    private HubChannels() {
    }

    /** For joining: no client certificate yet, and the hub's CA recognised by its pin. */
    static ManagedChannel forJoining(HostPort hub, CaPin pin, Clock clock) {
        return channel(hub, SslContextBuilder.forClient().trustManager(HubTrust.pinned(pin, clock)));
    }

    /**
     * For a joined node: mutual TLS with the node's client certificate, which {@code keys} can swap when it is
     * renewed, and the hub checked against the saved host CA.
     */
    static ManagedChannel forNode(HostPort hub, AdvancedTlsX509KeyManager keys, List<X509Certificate> authorities,
            Clock clock) {
        return channel(hub, SslContextBuilder.forClient().keyManager(keys)
                .trustManager(HubTrust.anchoredAt(authorities, clock)));
    }

    private static ManagedChannel channel(HostPort hub, SslContextBuilder tls) {
        try {
            // the JDK's TLS, not a native one gRPC may find: the same behaviour in every runtime
            return NettyChannelBuilder.forAddress(hub.host(), hub.port())
                    .sslContext(GrpcSslContexts.configure(tls, SslProvider.JDK).build())
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to the hub: " + e.getMessage(), e);
        }
    }
}
