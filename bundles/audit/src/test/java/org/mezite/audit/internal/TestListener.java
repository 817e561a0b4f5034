package org.mezite.audit.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mezite.api.audit.AuditListener;
import org.mezite.api.store.AuditEvent;

/**
 * Keeps what it is given. Optionally holds on the first event until {@link #release()}, and throws on events of type
 * {@code bad}.
 */
class TestListener implements AuditListener {

    final List<AuditEvent> received = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate;
    volatile Thread thread;

    TestListener() {
        this(false);
    }

    TestListener(boolean held) {
        gate = new CountDownLatch(held ? 1 : 0);
    }

    @Override
    public void onEvent(AuditEvent event) throws Exception {
        thread = Thread.currentThread();
        received.add(event);
        entered.countDown();
        gate.await();
        if (event.type().equals("bad")) {
            throw new IllegalStateException("cannot ship " + event.id());
        }
    }

    void release() {
        gate.countDown();
    }

    void awaitEntered() throws InterruptedException {
        if (!entered.await(1, TimeUnit.MINUTES)) {
            throw new AssertionError("the listener was never called");
        }
    }

    /** Waits until the listener has been given this many events. */
    void awaitCount(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (received.size() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the listener got " + received.size() + " events, not " + count);
            }
            Thread.sleep(5);
        }
    }

    List<String> types() {
        return received.stream().map(AuditEvent::type).toList();
    }
}
