package org.mezite.node.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;

/** Keeps every audit event; lets a test wait for one. */
final class RecordingAudit implements AuditRecorder {

    private final List<NewAuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(NewAuditEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<NewAuditEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<NewAuditEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The first event of the type that matches, waiting for it as long as a test may take. */
    synchronized NewAuditEvent await(String type, Predicate<NewAuditEvent> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            for (NewAuditEvent event : events) {
                if (event.type().equals(type) && matching.test(event)) {
                    return event;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("no " + type + " audit event came; there were " + events);
            }
            wait(left);
        }
    }

    NewAuditEvent await(String type) throws InterruptedException {
        return await(type, e -> true);
    }
}
