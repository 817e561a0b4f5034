package org.mezite.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.AuditAdmin;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reading the audit log: searching it (verb {@code list}) and checking its hash chain (verb {@code read}). Each call
 * is itself audited as {@code admin.access}, so the log shows who looked at it.
 */
@Component(service = AuditAdmin.class)
public final class AuditAdminService implements AuditAdmin {

    private final AuditEventRepository events;
    private final AdminAccess access;

    @Activate
    public AuditAdminService(@Reference(name = "events") AuditEventRepository events,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(events, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    AuditAdminService(AuditEventRepository events, AdminAccess access) {
        this.events = events;
        this.access = access;
    }

    @Override
    public List<AuditEvent> search(Caller caller, AuditQuery query) {
        access.check(caller, Rules.AUDIT, Rules.LIST, null);
        AuditQuery asked = query == null ? AuditQuery.all() : query;
        if (asked.from() != null && asked.to() != null && !asked.from().isBefore(asked.to())) {
            throw new IllegalArgumentException("audit search: the start " + asked.from() + " is not before the end "
                    + asked.to());
        }
        return events.query(asked);
    }

    @Override
    public AuditChainCheck verify(Caller caller, Instant since) {
        access.check(caller, Rules.AUDIT, Rules.READ, null);
        if (since != null && since.isAfter(access.now())) {
            throw new IllegalArgumentException("audit verify: the start " + since + " is in the future");
        }
        return events.verifyChain(since);
    }
}
