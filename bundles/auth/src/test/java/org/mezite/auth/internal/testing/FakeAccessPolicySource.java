package org.mezite.auth.internal.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;

/**
 * A policy source the test publishes to, as the hub's store-backed one does when roles or locks change: subscribers
 * get the current policy at once, then each published one, on the publishing thread.
 */
public final class FakeAccessPolicySource implements AccessPolicySource {

    private final List<Consumer<AccessPolicy>> subscribers = new CopyOnWriteArrayList<>();
    private volatile AccessPolicy current = AccessPolicy.EMPTY;

    public void publish(AccessPolicy policy) {
        current = policy;
        subscribers.forEach(subscriber -> subscriber.accept(policy));
    }

    public int subscribers() {
        return subscribers.size();
    }

    @Override
    public AccessPolicy current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
        Consumer<AccessPolicy> subscriber = listener::accept;
        subscribers.add(subscriber);
        subscriber.accept(current);
        return () -> subscribers.remove(subscriber);
    }
}
