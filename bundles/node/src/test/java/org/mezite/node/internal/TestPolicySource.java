package org.mezite.node.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;

/** A policy source a test publishes to, calling its subscribers on a thread of its own as the agent's does. */
final class TestPolicySource implements AccessPolicySource {

    private final List<Consumer<AccessPolicy>> listeners = new CopyOnWriteArrayList<>();
    private volatile AccessPolicy current = AccessPolicy.EMPTY;

    @Override
    public AccessPolicy current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }

    /** Makes the policy current, then tells the subscribers, as a source must. */
    void publish(AccessPolicy policy) throws InterruptedException {
        current = policy;
        Thread notifier = new Thread(() -> listeners.forEach(listener -> listener.accept(policy)), "policy-source");
        notifier.start();
        notifier.join();
    }

    int subscribers() {
        return listeners.size();
    }
}
