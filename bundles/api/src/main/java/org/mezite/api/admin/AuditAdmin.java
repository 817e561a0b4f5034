package org.mezite.api.admin;

import java.time.Instant;
import java.util.List;

import org.mezite.api.access.Caller;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditQuery;

/** The audit log (resource {@code audit}). */
@org.osgi.annotation.versioning.ProviderType
public interface AuditAdmin {

    /** Verb {@code list}: events matching the query. */
    List<AuditEvent> search(Caller caller, AuditQuery query);

    /**
     * Verb {@code read}: recomputes the hash chain from the first event at or after {@code since} ({@code null}: from
     * the first event) and reports the first broken link.
     */
    AuditChainCheck verify(Caller caller, Instant since);
}
