package org.mezite.tunnel.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.mezite.api.node.NodeCredentials;
import org.mezite.ca.tls.ClusterServerTrust;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The agent's mutual-TLS gRPC channel to a proxy: the node's TLS certificate as client identity, the proxy checked
 * against the cluster's host CA only, and an event loop and call threads of its own, closed with it (gRPC's shared
 * ones outlive the last channel and would run classes of a stopped bundle).
 *
 * <p>Retries are off: a tunnel call is never replayed, and without them gRPC serializes each message before
 * {@code onNext} returns, which lets the data path reuse its read buffer.
 */
final class LinkChannel implements AutoCloseable {

    private static final long CLOSE_SECONDS = 5;

    private final ManagedChannel channel;
    private final EventLoopGroup loop;
    private final ExecutorService calls;

    private LinkChannel(ManagedChannel channel, EventLoopGroup loop, ExecutorService calls) {
        this.channel = channel;
        this.loop = loop;
        this.calls = calls;
    }

    static LinkChannel open(NodeCredentials credentials, Clock clock) {
        SslContext tls;
        try {
            tls = GrpcSslContexts.configure(SslContextBuilder.forClient()
                    .keyManager(credentials.tlsKey(), credentials.tlsChain().toArray(X509Certificate[]::new)),
                    SslProvider.JDK)
                    .trustManager(new ClusterServerTrust("the proxy", List.of(credentials.hostCa()), clock))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to the proxy: " + e.getMessage(), e);
        }
        EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("mezd-tunnel-io", true));
        ExecutorService calls = Executors.newCachedThreadPool(Threads.daemon("mezd-tunnel-call-"));
        NettyChannelBuilder builder = NettyChannelBuilder
                .forAddress(credentials.proxyTunnel().getHostString(), credentials.proxyTunnel().getPort())
                .eventLoopGroup(loop)
                .channelType(NioSocketChannel.class)
                .executor(calls)
                .flowControlWindow(DataPath.STREAM_WINDOW)
                .maxInboundMessageSize(DataPath.MAX_MESSAGE)
                .sslContext(tls)
                .disableRetry();
        return new LinkChannel(builder.build(), loop, calls);
    }

    ManagedChannel channel() {
        return channel;
    }

    /** Runs blocking work (dialling the node's SSH server, piping a socket) on this channel's threads. */
    ExecutorService threads() {
        return calls;
    }

    /** No new calls; those running go on until they end. */
    void drain() {
        channel.shutdown();
    }

    boolean isTerminated() {
        return channel.isTerminated();
    }

    /** Cuts every call and stops the channel's threads. */
    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            calls.shutdownNow();
            loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_SECONDS, TimeUnit.SECONDS);
        }
    }
}
