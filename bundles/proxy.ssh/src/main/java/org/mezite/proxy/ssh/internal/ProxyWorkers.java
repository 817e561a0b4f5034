package org.mezite.proxy.ssh.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxy's own threads, so that nothing slow runs on the SSH server's: {@link #routing()} looks up nodes and checks
 * access (database reads), {@link #background()} records audit events in order and renews the host certificate.
 */
final class ProxyWorkers implements AutoCloseable {

    /** How long closing waits for audit events still queued. */
    private static final long DRAIN_SECONDS = 5;

    private final ExecutorService routing;
    private final ScheduledExecutorService background;

    ProxyWorkers() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        routing = Executors.newFixedThreadPool(threads, named("proxy-ssh-routing"));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named("proxy-ssh-background"));
        // closing drains queued audit events, but does not wait for the next certificate renewal
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        background = scheduler;
    }

    ExecutorService routing() {
        return routing;
    }

    ScheduledExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        routing.shutdown();
        background.shutdown();
        try {
            routing.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
            background.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        routing.shutdownNow();
        background.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
