package org.mezite.api.store;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit log. Append-only on purpose: there is no way to change or remove an event through Mezite, and the
 * database refuses UPDATE and DELETE on the table as well.
 */
@ProviderType
public interface AuditEventRepository {

    /** Appends an event at the end of the hash chain and returns it as stored. */
    AuditEvent append(NewAuditEvent event);

    /** Events matching the query, in id order (newest first when asked). */
    List<AuditEvent> query(AuditQuery query);

    /** Walks the whole chain and reports the first event that does not link or hash as expected. */
    AuditChainCheck verifyChain();

    /**
     * Walks the chain from the first event at or after {@code since} (its link to the event before is taken as
     * given) and reports the first event that does not link or hash as expected.
     */
    AuditChainCheck verifyChain(Instant since);
}
