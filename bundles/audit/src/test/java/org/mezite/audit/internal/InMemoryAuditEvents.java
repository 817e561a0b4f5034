package org.mezite.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.StoreException;

/** An audit log in a list: ids 1, 2, 3, ...; refuses events of type {@code refused}. */
final class InMemoryAuditEvents implements AuditEventRepository {

    final List<AuditEvent> stored = new ArrayList<>();

    @Override
    public synchronized AuditEvent append(NewAuditEvent event) {
        if (event.type().equals("refused")) {
            throw new StoreException("the store is read-only");
        }
        AuditEvent e = new AuditEvent(stored.size() + 1, event.time() == null ? Instant.EPOCH : event.time(),
                event.type(), event.code(), event.username(), event.login(), event.node(), event.sessionId(),
                event.clientAddr(), event.resource(), event.action(), event.result(), event.metadata(), "p", "h");
        stored.add(e);
        return e;
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
    public AuditChainCheck verifyChain(Instant since) {
        throw new UnsupportedOperationException();
    }
}
