package org.mezite.store.jpa.internal.repository;

import java.util.concurrent.atomic.AtomicLong;

/** Names that no other test in the same database uses. */
final class Unique {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 100_000);

    private Unique() {
    }

    static String name(String base) {
        return base + "-" + NEXT.incrementAndGet();
    }
}
