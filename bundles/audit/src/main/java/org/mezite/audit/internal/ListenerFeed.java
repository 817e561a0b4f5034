package org.mezite.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.mezite.api.audit.AuditListener;
import org.mezite.api.store.AuditEvent;

/**
 * One listener's queue and the thread that empties it. {@link #offer} never waits: when the queue is full the event
 * is dropped for this listener only, counted, and a warning names the listener (at most once per
 * {@link #WARNING_INTERVAL}). A listener that throws is logged the same way and gets the next event all the same.
 */
final class ListenerFeed {

    static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

    /** Ends the thread once everything queued before it has been delivered. */
    private static final AuditEvent END = new AuditEvent(0, Instant.EPOCH, "end", null, null, null, null,
            null, null, null, null, "end", "{}", null, null);

    private final String name;
    private final AuditListener listener;
    private final int capacity;
    private final Warnings warnings;
    /** Unbounded, bounded by {@link #offer} instead, so that {@link #END} always fits. */
    private final BlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Throttle dropWarning;
    private final Throttle failureWarning;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean abandoned;

    /** Where the feed's warnings go: the hub's log, or a test. */
    interface Warnings {
        void warn(String message, Throwable cause);
    }

    ListenerFeed(String name, AuditListener listener, int capacity, Warnings warnings,
            LongSupplier nanoTime) {
        this.name = name;
        this.listener = listener;
        this.capacity = capacity;
        this.warnings = warnings;
        this.dropWarning = new Throttle(WARNING_INTERVAL, nanoTime);
        this.failureWarning = new Throttle(WARNING_INTERVAL, nanoTime);
        this.thread = new Thread(this::deliver, "mezite-audit-listener " + name);
        thread.setDaemon(true);
    }

    String name() {
        return name;
    }

    void start() {
        thread.start();
    }

    /** Queues the event, or drops it when the queue is full; never waits. */
    synchronized void offer(AuditEvent event) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            long count = dropped.incrementAndGet();
            if (dropWarning.pass()) {
                warnings.warn("audit listener " + name + " is not keeping up: its queue of " + capacity
                        + " events is full, event " + event.id() + " (" + event.type() + ") dropped for it; " + count
                        + " events dropped for this listener so far", null);
            }
            return;
        }
        queue.add(event);
    }

    /**
     * Takes no more events, delivers what is queued for at most {@code grace}, then stops the thread (interrupting a
     * listener that is still busy) and says how many queued events were not delivered.
     */
    void close(Duration grace) {
        finishQueue();
        awaitEnd(System.nanoTime() + grace.toNanos(), grace);
    }

    /** Takes no more events; the thread ends after delivering what is queued. */
    void finishQueue() {
        synchronized (this) {
            if (!closed) {
                closed = true;
                queue.add(END);
            }
        }
    }

    /** Waits for the thread to deliver what is queued until {@code deadline} ({@link System#nanoTime()}). */
    void awaitEnd(long deadline, Duration grace) {
        try {
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                thread.join(Math.max(1, wait / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() && !abandoned) {
            abandoned = true;
            thread.interrupt();
            long left = queue.stream().filter(e -> e != END).count();
            queue.clear();
            warnings.warn("audit listener " + name + " stopped before it had taken " + left + " queued events"
                    + " (gave it " + grace.toMillis() + " ms); they were not delivered to it", null);
        }
    }

    private void deliver() {
        while (!abandoned) {
            AuditEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                // only close() interrupts, and then abandoned is set
                continue;
            }
            if (event == END || abandoned) {
                return;
            }
            try {
                listener.onEvent(event);
            } catch (Exception | LinkageError e) {
                // LinkageError: the listener's bundle went away under it; the unbind that follows stops this thread
                long count = failed.incrementAndGet();
                if (abandoned) {
                    return;
                }
                if (failureWarning.pass()) {
                    warnings.warn("audit listener " + name + " failed on event " + event.id() + " (" + event.type()
                            + "): " + e + "; " + count + " events failed for this listener so far, the next ones"
                            + " are delivered as usual", e);
                }
            }
        }
    }
}
