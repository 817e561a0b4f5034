package org.mezite.auth.internal.grpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

/**
 * A TLS gRPC server bound to one address. Closing it lets calls in flight finish for a grace period, then cuts
 * the rest off, so that stopping the bundle never hangs on a client that keeps a stream open.
 */
final class GrpcEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcEndpoint.class);
    /** The most often a client may ping; agents ping every minute (HubChannels). */
    static final Duration PERMITTED_KEEPALIVE = Duration.ofSeconds(30);

    private final String name;
    private final Server server;
    private final InetSocketAddress address;
    private final Duration grace;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;

    private GrpcEndpoint(String name, Server server, Duration grace, EventLoopGroup boss, EventLoopGroup workers) {
        this.name = name;
        this.server = server;
        this.boss = boss;
        this.workers = workers;
        this.address = (InetSocketAddress) server.getListenSockets().get(0);
        this.grace = grace;
    }

    /**
     * Binds and starts serving.
     *
     * @param name     the listener's name for messages, e.g. {@code auth-grpc}
     * @param listen   where to bind; port 0 picks a free port
     * @param setting  the configuration setting that chose {@code listen}, named in the error when binding fails
     * @param grace    how long {@link #close()} waits for calls in flight
     * @param tls      the server's TLS context
     * @param gate     sees every call first: decides who may call what
     * @param services what to serve
     * @throws IOException when the address cannot be bound, with a message naming the address and the setting
     */
    static GrpcEndpoint start(String name, InetSocketAddress listen, String setting, Duration grace, SslContext tls,
            ServerInterceptor gate, List<BindableService> services) throws IOException {
        // Own event loops rather than gRPC's shared ones: those linger for a while after the last server stops, and
        // their threads would then run classes of a bundle that has already stopped.
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory(name + "-boss", true));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory(name + "-worker", true));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(listen).sslContext(tls).intercept(gate)
                .bossEventLoopGroup(boss).workerEventLoopGroup(workers).channelType(NioServerSocketChannel.class)
                // agents ping their long-lived access-policy stream so that a dead link is noticed and re-opened
                .permitKeepAliveTime(PERMITTED_KEEPALIVE.toSeconds(), TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true);
        services.forEach(builder::addService);
        Server server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            shutDown(boss, workers);
            throw new IOException(name + ": cannot listen on " + Addresses.format(listen) + " (" + setting + "): "
                    + rootMessage(e), e);
        }
        return new GrpcEndpoint(name, server, grace, boss, workers);
    }

    /** The bound address, with the real port when 0 was asked for. */
    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: calls still running after {} s, cancelling them", name, grace.toSeconds());
                server.shutdownNow();
                server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            shutDown(boss, workers);
        }
    }

    private static void shutDown(EventLoopGroup... groups) {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
