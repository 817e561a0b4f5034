package org.mezite.proxy.web.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;

/** An audit log that keeps what is appended, for tests to read. */
final class RecordingAudit implements AuditEventRepository {

    final List<NewAuditEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public AuditEvent append(NewAuditEvent event) {
        events.add(event);
        return null;
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditChainCheck verifyChain() {
        throw new UnsupportedOperationException();
    }
}
