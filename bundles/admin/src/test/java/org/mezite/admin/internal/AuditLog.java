package org.mezite.admin.internal;

import java.util.ArrayList;
import java.util.List;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;

/** Keeps what is recorded. */
final class AuditLog implements AuditRecorder {

    final List<NewAuditEvent> events = new ArrayList<>();

    @Override
    public void record(NewAuditEvent event) {
        events.add(event);
    }

    List<String> types() {
        return events.stream().map(NewAuditEvent::type).toList();
    }

    NewAuditEvent last(String type) {
        return events.stream().filter(e -> e.type().equals(type)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " event in " + types()));
    }
}
