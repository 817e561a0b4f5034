package org.mezite.tunnel.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mezite.api.tunnel.TunnelReceiver;

/** A receiver that consumes each chunk later, from another thread: a user on a slow link. */
final class SlowReader implements TunnelReceiver {

    final Collector collector = Collector.eager();
    private final BlockingQueue<Runnable> toConsume = new LinkedBlockingQueue<>();
    private static final Runnable END = () -> { };

    @Override
    public void onData(ByteBuffer data, Runnable consumed) {
        collector.onData(data, () -> { });
        toConsume.add(consumed);
    }

    @Override
    public void onEnd() {
        toConsume.add(END);
        collector.onEnd();
    }

    @Override
    public void onError(Throwable cause) {
        toConsume.add(END);
        collector.onError(cause);
    }

    /** Consumes one chunk at a time with a pause between, until the connection ends. */
    void drain() throws InterruptedException {
        while (true) {
            Runnable next = toConsume.poll(60, TimeUnit.SECONDS);
            if (next == null || next == END) {
                return;
            }
            Thread.sleep(1);
            next.run();
        }
    }
}
