package org.mezite.auth.internal.join;

import java.util.List;
import java.util.Set;

import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.NewAuditEvent;

/**
 * Stores the audit events an agent sends about its own sessions. An agent speaks only for itself: each event is
 * filed under the calling node whatever node it names, and only the event types a node produces are taken, so a
 * compromised agent cannot forge logins, certificate issuance or admin actions.
 */
final class NodeAuditIntake {

    /** What an agent may report. */
    static final Set<String> NODE_EVENT_TYPES = Set.of("session.start", "session.end", "session.rejected", "exec",
            "sftp", "scp", "port", "ssh.auth");

    private final AuditEventRepository events;

    NodeAuditIntake(AuditEventRepository events) {
        this.events = events;
    }

    /**
     * Checks every event first, then stores them in order, so a batch with one bad event stores nothing.
     *
     * @throws IllegalArgumentException naming the first event whose type a node may not report
     */
    int store(String nodeId, List<NewAuditEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            String type = batch.get(i).type();
            if (!NODE_EVENT_TYPES.contains(type)) {
                throw new IllegalArgumentException("events[" + i + "].type: a node may not report \"" + type
                        + "\" events; it reports " + String.join(", ", NODE_EVENT_TYPES.stream().sorted().toList()));
            }
        }
        for (NewAuditEvent event : batch) {
            events.append(new NewAuditEvent(event.time(), event.type(), event.code(), event.username(),
                    event.login(), nodeId, event.sessionId(), event.clientAddr(), event.resource(), event.action(),
                    event.result(), event.metadata()));
        }
        return batch.size();
    }
}
