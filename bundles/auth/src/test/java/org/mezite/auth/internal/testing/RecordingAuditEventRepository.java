package org.mezite.auth.internal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;

/** Keeps appended events in order, for tests to look at. */
public class RecordingAuditEventRepository implements AuditEventRepository, AuditRecorder {

    /** The hub's recorder appends to the store: tests see recorded events among the appended ones. */
    @Override
    public void record(NewAuditEvent event) {
        append(event);
    }


    private final List<NewAuditEvent> events = new ArrayList<>();

    @Override
    public synchronized AuditEvent append(NewAuditEvent event) {
        events.add(event);
        return new AuditEvent(events.size(), event.time() == null ? Instant.now() : event.time(), event.type(),
                event.code(), event.username(), event.login(), event.node(), event.sessionId(), event.clientAddr(),
                event.resource(), event.action(), event.result(), event.metadata(), "", "");
    }

    public synchronized List<NewAuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<NewAuditEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditChainCheck verifyChain() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditChainCheck verifyChain(java.time.Instant since) {
        return verifyChain();
    }
}
