package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;

/** Keeps the audit events, and lets a test wait for one (the proxy records them in the background). */
final class RecordingAuditRecorder implements AuditRecorder {

    /** A guard against a hung test, not a timing assertion. */
    private static final long GUARD_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final List<NewAuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(NewAuditEvent event) {
        events.add(event);
    }

    List<NewAuditEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    /** The first event of this type, once it has been recorded. */
    NewAuditEvent await(String type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + GUARD_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<NewAuditEvent> found = events(type);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " event was recorded; events: " + events);
    }
}
