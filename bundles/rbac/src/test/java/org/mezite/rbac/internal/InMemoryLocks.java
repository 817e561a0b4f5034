package org.mezite.rbac.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;
import org.mezite.api.store.LockTarget;

/** Locks in a list, newest first. */
final class InMemoryLocks implements LockRepository {

    private final List<Lock> locks = new ArrayList<>();

    @Override
    public synchronized Lock create(LockTarget target, String message, Instant expiresAt, String createdBy) {
        Lock lock = new Lock(UUID.randomUUID().toString(), target, message, expiresAt, createdBy, Instant.now());
        locks.add(0, lock);
        return lock;
    }

    @Override
    public synchronized List<Lock> list() {
        return new ArrayList<>(locks);
    }

    @Override
    public synchronized List<Lock> listActive(Instant now) {
        return locks.stream().filter(lock -> lock.activeAt(now)).toList();
    }

    @Override
    public synchronized List<Lock> listActive(LockTarget target, Instant now) {
        return listActive(now).stream().filter(lock -> lock.target().equals(target)).toList();
    }

    @Override
    public synchronized boolean delete(String id) {
        return locks.removeIf(lock -> lock.id().equals(id));
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = locks.size();
        locks.removeIf(lock -> !lock.activeAt(now));
        return before - locks.size();
    }
}
