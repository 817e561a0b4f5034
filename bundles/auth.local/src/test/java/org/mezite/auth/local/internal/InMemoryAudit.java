package org.mezite.auth.local.internal;

import java.util.ArrayList;
import java.util.List;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;

/** Keeps appended audit events as they were handed over. */
final class InMemoryAudit implements AuditEventRepository, AuditRecorder {

    /** The hub's recorder appends to the store: tests see recorded events among the appended ones. */
    @Override
    public void record(NewAuditEvent event) {
        append(event);
    }


    private final List<NewAuditEvent> events = new ArrayList<>();

    @Override
    public synchronized AuditEvent append(NewAuditEvent e) {
        events.add(e);
        return new AuditEvent(events.size(), e.time(), e.type(), e.code(), e.username(), e.login(), e.node(),
                e.sessionId(), e.clientAddr(), e.resource(), e.action(), e.result(), e.metadata(), "", "");
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public AuditChainCheck verifyChain() {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public AuditChainCheck verifyChain(java.time.Instant since) {
        return verifyChain();
    }

    synchronized List<NewAuditEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<NewAuditEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    synchronized NewAuditEvent last() {
        return events.get(events.size() - 1);
    }
}
