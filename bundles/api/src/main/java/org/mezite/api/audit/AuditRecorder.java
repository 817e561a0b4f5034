package org.mezite.api.audit;

import org.mezite.api.store.NewAuditEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Takes audit events from the code that makes decisions and runs sessions. In the hub the event is stored before
 * {@link #record} returns; in the agent it is queued and shipped to Auth, retried while Auth cannot be reached, so
 * recording never blocks a session on the network.
 */
@ProviderType
public interface AuditRecorder {

    /**
     * Records one event.
     *
     * @throws org.mezite.api.store.StoreException in the hub, when the store refuses the event
     */
    void record(NewAuditEvent event);
}
