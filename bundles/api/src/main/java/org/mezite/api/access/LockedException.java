package org.mezite.api.access;

import java.util.Objects;

import org.mezite.api.store.Lock;

/** Refused because a lock is in force; the message is the one users see, naming the lock's target and message. */
public class LockedException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    private final transient Lock lock;

    public LockedException(Lock lock) {
        super(describe(lock));
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    public Lock lock() {
        return lock;
    }

    /** e.g. {@code locked (user=alice): security incident, call the SOC} */
    public static String describe(Lock lock) {
        String message = lock.message() == null || lock.message().isBlank() ? "" : ": " + lock.message();
        return "locked (" + lock.target() + ")" + message;
    }
}
