package org.mezite.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;
import org.mezite.api.store.LockTarget;

/** Locks in a list, newest first; ids are lock-1, lock-2, ... */
final class InMemoryLocks implements LockRepository {

    final List<Lock> locks = new ArrayList<>();
    private final Instant now;

    InMemoryLocks(Instant now) {
        this.now = now;
    }

    @Override
    public Lock create(LockTarget target, String message, Instant expiresAt, String createdBy) {
        Lock lock = new Lock("lock-" + (locks.size() + 1), target, message, expiresAt, createdBy, now);
        locks.add(0, lock);
        return lock;
    }

    @Override
    public List<Lock> list() {
        return List.copyOf(locks);
    }

    @Override
    public List<Lock> listActive(Instant at) {
        return locks.stream().filter(l -> l.activeAt(at)).toList();
    }

    @Override
    public List<Lock> listActive(LockTarget target, Instant at) {
        return listActive(at).stream().filter(l -> l.target().equals(target)).toList();
    }

    @Override
    public boolean delete(String id) {
        return locks.removeIf(l -> l.id().equals(id));
    }

    @Override
    public int deleteExpired(Instant at) {
        throw new UnsupportedOperationException();
    }
}
