package org.mezite.tunnel.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the threads this bundle starts, so that a thread dump says whose they are. */
final class Threads {

    private Threads() {
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, ... */
    static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
