package org.mezite.auth.internal.audit;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.NewAuditEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The hub's audit recorder: the event is in the store when {@link #record} returns. */
@Component(service = AuditRecorder.class)
public final class StoreAuditRecorder implements AuditRecorder {

    private final AuditEventRepository events;

    @Activate
    public StoreAuditRecorder(@Reference(name = "events") AuditEventRepository events) {
        this.events = events;
    }

    @Override
    public void record(NewAuditEvent event) {
        events.append(event);
    }
}
