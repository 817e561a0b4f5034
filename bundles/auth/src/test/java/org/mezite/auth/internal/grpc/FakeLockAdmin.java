package org.mezite.auth.internal.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.access.Caller;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;

/** Locks in a list; a lock's expiry is its creation time plus the TTL, both on a fixed clock. */
final class FakeLockAdmin implements LockAdmin {

    static final Instant NOW = Instant.parse("2030-05-17T10:15:30.250Z");

    final List<Lock> locks = new ArrayList<>();
    final List<Duration> ttls = new ArrayList<>();

    @Override
    public synchronized Lock add(Caller caller, LockTarget target, String message, Duration ttl) {
        ttls.add(ttl);
        Lock lock = new Lock("lock-" + (locks.size() + 1), target, message, ttl == null ? null : NOW.plus(ttl),
                caller.name(), NOW);
        locks.add(0, lock);
        return lock;
    }

    @Override
    public synchronized List<Lock> list(Caller caller) {
        return List.copyOf(locks);
    }

    @Override
    public synchronized void remove(Caller caller, String id) {
        locks.removeIf(lock -> lock.id().equals(id));
    }
}
