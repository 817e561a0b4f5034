package org.mezite.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;

/** An audit log that answers queries by type and user from a list, and a chain check set by the test. */
final class StoredAuditEvents implements AuditEventRepository {

    final List<AuditEvent> events = new ArrayList<>();
    final List<AuditQuery> queries = new ArrayList<>();
    final List<Instant> verified = new ArrayList<>();
    AuditChainCheck check = new AuditChainCheck(0, 0, "");

    StoredAuditEvents add(String type, String user, Instant time) {
        events.add(new AuditEvent(events.size() + 1, time, type, null, user, null, null, null, null, null, null,
                "success", "{}", "p", "h"));
        return this;
    }

    @Override
    public AuditEvent append(NewAuditEvent event) {
        throw new UnsupportedOperationException("the admin service never writes the audit log directly");
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        queries.add(query);
        return events.stream().filter(e -> query.type() == null || e.type().equals(query.type()))
                .filter(e -> query.username() == null || query.username().equals(e.username()))
                .limit(query.limit()).toList();
    }

    @Override
    public AuditChainCheck verifyChain() {
        return verifyChain(null);
    }

    @Override
    public AuditChainCheck verifyChain(Instant since) {
        verified.add(since);
        return check;
    }
}
