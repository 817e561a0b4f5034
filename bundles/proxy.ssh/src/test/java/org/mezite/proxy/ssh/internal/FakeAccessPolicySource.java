package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.store.Lock;

/** A policy the test sets, told to subscribers on a thread of its own as the real sources do. */
final class FakeAccessPolicySource implements AccessPolicySource, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "fake-access-policy");
        worker.setDaemon(true);
        return worker;
    });
    private final Set<Consumer<AccessPolicy>> listeners = ConcurrentHashMap.newKeySet();
    private volatile AccessPolicy current = AccessPolicy.EMPTY;

    @Override
    public AccessPolicy current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
        thread.execute(() -> {
            listeners.add(listener);
            listener.accept(current);
        });
        return () -> thread.execute(() -> listeners.remove(listener));
    }

    /** A new revision with these locks in force; {@link #subscribers()} waits until it is current. */
    void lock(Lock... locks) {
        thread.execute(() -> {
            current = new AccessPolicy(current.revision() + 1, List.of(), List.of(locks), List.of());
            listeners.forEach(listener -> listener.accept(current));
        });
    }

    /** How many subscribers there are, once everything asked before has been done. */
    int subscribers() throws Exception {
        return thread.submit(listeners::size).get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
