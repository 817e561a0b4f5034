package org.mezite.api.audit;

import org.mezite.api.store.AuditEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every audit event once it is stored (a plugin: JSON lines for SIEM shippers, a webhook, ...). Each
 * listener is fed from a bounded queue of its own on a thread of its own, so a slow or failing listener never holds
 * up a login or a session; when its queue is full, events for it are dropped with a warning in the hub's log.
 */
@ConsumerType
public interface AuditListener {

    /**
     * Takes one stored event. Called from one thread at a time, in the order of the log.
     *
     * @throws Exception logged and counted; the next event is delivered anyway
     */
    void onEvent(AuditEvent event) throws Exception;
}
