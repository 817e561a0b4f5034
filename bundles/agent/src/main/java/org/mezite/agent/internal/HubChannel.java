package org.mezite.agent.internal;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;

/**
 * A channel to the hub with an event loop of its own, closed with it. gRPC's shared event loops outlive the last
 * channel by a second or more; their threads would then run classes of bundles that have already stopped.
 */
final class HubChannel implements AutoCloseable {

    private static final long CLOSE_SECONDS = 5;

    private final ManagedChannel channel;
    private final EventLoopGroup loop;

    HubChannel(ManagedChannel channel, EventLoopGroup loop) {
        this.channel = channel;
        this.loop = loop;
    }

    ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_SECONDS, TimeUnit.SECONDS);
        }
    }
}
