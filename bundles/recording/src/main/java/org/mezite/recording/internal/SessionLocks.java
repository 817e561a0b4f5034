package org.mezite.recording.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per session whose recording is being worked on, so that calls for one session (an agent's retry racing
 * its first attempt, two finishes) run one after the other while other sessions go on. A lock exists only while
 * someone holds or waits for it, so the map does not grow with every session ever recorded.
 */
final class SessionLocks {

    /** Work done under a session's lock. */
    interface Work<T> {
        T run() throws IOException;
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        volatile int users; // changed only inside the map's compute for this key
    }

    private final Map<String, Entry> locks = new ConcurrentHashMap<>();

    <T> T with(String sessionId, Work<T> work) throws IOException {
        Entry entry = locks.compute(sessionId, (id, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        entry.lock.lock();
        try {
            return work.run();
        } finally {
            entry.lock.unlock();
            locks.compute(sessionId, (id, e) -> --e.users == 0 ? null : e);
        }
    }

    /** Sessions with a lock held or waited for; for tests. */
    int size() {
        return locks.size();
    }

    /** How many calls hold or wait for the session's lock; for tests. */
    int users(String sessionId) {
        Entry entry = locks.get(sessionId);
        return entry == null ? 0 : entry.users;
    }
}
