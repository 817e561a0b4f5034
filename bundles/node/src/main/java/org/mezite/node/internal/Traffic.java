package org.mezite.node.internal;

import java.util.concurrent.atomic.AtomicLong;

/** A session's bytes in each direction; each chunk also counts as activity against the idle timeout. */
final class Traffic {

    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final Runnable activity;

    Traffic(Runnable activity) {
        this.activity = activity;
    }

    void received(int bytes) {
        in.addAndGet(bytes);
        activity.run();
    }

    void sent(int bytes) {
        out.addAndGet(bytes);
        activity.run();
    }

    long bytesIn() {
        return in.get();
    }

    long bytesOut() {
        return out.get();
    }
}
