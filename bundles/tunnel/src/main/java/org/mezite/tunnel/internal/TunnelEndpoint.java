package org.mezite.tunnel.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mezite.ca.tls.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The tunnel's TLS gRPC server on one address, with event loops and call threads of its own that stop with it (gRPC's
 * shared ones linger after the last server stops and would run classes of a stopped bundle). Flow-control windows
 * are those of {@link DataPath}; HTTP/2 keepalive pings find agents whose network went away without a word.
 */
final class TunnelEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelEndpoint.class);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Server server;
    private final InetSocketAddress address;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService calls;

    private TunnelEndpoint(String name, Server server, EventLoopGroup boss, EventLoopGroup workers,
            ExecutorService calls) {
        this.name = name;
        this.server = server;
        this.address = (InetSocketAddress) server.getListenSockets().get(0);
        this.boss = boss;
        this.workers = workers;
        this.calls = calls;
    }

    /**
     * Binds and starts serving.
     *
     * @param setting   the configuration setting that chose {@code listen}, named in the error when binding fails
     * @param keepAlive how long a connection may stay quiet before the server pings it (and as long again for the
     *                  answer)
     * @throws IOException when the address cannot be bound, with a message naming the address and the setting
     */
    static TunnelEndpoint start(String name, InetSocketAddress listen, String setting, SslContext tls,
            ServerInterceptor gate, BindableService service, Duration keepAlive) throws IOException {
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory(name + "-boss", true));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory(name + "-worker", true));
        ExecutorService calls = Executors.newCachedThreadPool(Threads.daemon(name + "-call-"));
        Server server = NettyServerBuilder.forAddress(listen)
                .sslContext(tls)
                .flowControlWindow(DataPath.STREAM_WINDOW)
                .maxInboundMessageSize(DataPath.MAX_MESSAGE)
                .keepAliveTime(keepAlive.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(keepAlive.toMillis(), TimeUnit.MILLISECONDS)
                .bossEventLoopGroup(boss).workerEventLoopGroup(workers).channelType(NioServerSocketChannel.class)
                .executor(calls)
                .intercept(gate)
                .addService(service)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            shutDown(boss, workers, calls);
            throw new IOException(name + ": cannot listen on " + Addresses.format(listen) + " (" + setting + "): "
                    + rootMessage(e), e);
        }
        return new TunnelEndpoint(name, server, boss, workers, calls);
    }

    /** The bound address, with the real port when 0 was asked for. */
    InetSocketAddress address() {
        return address;
    }

    /** Stops listening and cuts off what still runs after a short grace (tunnels never end on their own). */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("{}: calls still running after {} s, cancelling them", name, GRACE.toSeconds());
                server.shutdownNow();
                server.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            shutDown(boss, workers, calls);
        }
    }

    private static void shutDown(EventLoopGroup boss, EventLoopGroup workers, ExecutorService calls) {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        calls.shutdown();
        boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        try {
            if (!calls.awaitTermination(5, TimeUnit.SECONDS)) {
                calls.shutdownNow();
            }
        } catch (InterruptedException e) {
            calls.shutdownNow();
            Thread.currentThread().interrupt();
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
