package org.mezite.auth.internal.join;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;
import org.mezite.api.store.SessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the audit events an agent sends about its own sessions, and keeps the sessions table in step with them: a
 * {@code session.start} adds the session, a {@code session.end} ends it. An agent speaks only for itself: each event
 * is filed under the calling node whatever node it names, only the event types a node produces are taken, so a
 * compromised agent cannot forge logins, certificate issuance or admin actions, and it can end only its own sessions.
 * <p>
 * The sessions table is bookkeeping beside the audit log: a session that cannot be added or ended (a repeated batch,
 * an end without its start) is logged and skipped, never a reason to refuse events, which the agent would otherwise
 * send again and again.
 */
final class NodeAuditIntake {

    /** What an agent may report. */
    static final Set<String> NODE_EVENT_TYPES = Set.of("session.start", "session.end", "session.rejected", "exec",
            "sftp", "scp", "port", "ssh.auth");
    static final String SESSION_START = "session.start";
    static final String SESSION_END = "session.end";
    /** The type of the sessions agents run. */
    static final String SSH_SESSION = "ssh";

    private static final Logger LOG = LoggerFactory.getLogger(NodeAuditIntake.class);

    private final AuditRecorder events;
    private final SessionRepository sessions;
    private final Clock clock;

    NodeAuditIntake(AuditRecorder events, SessionRepository sessions, Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Checks every event first and works out the session changes, then stores the events in order, so a batch with
     * one bad event stores nothing; then applies the session changes.
     *
     * @throws IllegalArgumentException naming the first event whose type a node may not report
     */
    int store(String nodeId, List<NewAuditEvent> batch) {
        List<NewAuditEvent> filed = new ArrayList<>(batch.size());
        List<NewAuditEvent> sessionEvents = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewAuditEvent event = batch.get(i);
            String type = event.type();
            if (!NODE_EVENT_TYPES.contains(type)) {
                throw new IllegalArgumentException("events[" + i + "].type: a node may not report \"" + type
                        + "\" events; it reports " + String.join(", ", NODE_EVENT_TYPES.stream().sorted().toList()));
            }
            NewAuditEvent own = new NewAuditEvent(event.time() == null ? clock.instant() : event.time(), type,
                    event.code(), event.username(), event.login(), nodeId, event.sessionId(), event.clientAddr(),
                    event.resource(), event.action(), event.result(), event.metadata());
            filed.add(own);
            if (changesSessions(own)) {
                sessionEvents.add(own);
            }
        }
        for (NewAuditEvent event : filed) {
            events.record(event);
        }
        for (NewAuditEvent event : sessionEvents) {
            if (SESSION_START.equals(event.type())) {
                started(event);
            } else {
                ended(event);
            }
        }
        return batch.size();
    }

    /** Whether the event starts or ends a session the sessions table can hold. */
    private static boolean changesSessions(NewAuditEvent event) {
        boolean start = SESSION_START.equals(event.type());
        if (!start && !SESSION_END.equals(event.type())) {
            return false;
        }
        if (event.sessionId() == null || start && (event.username() == null || event.login() == null)) {
            LOG.warn("node {} reported {} without a session id, user or login; the sessions table skips it",
                    event.node(), event.type());
            return false;
        }
        return true;
    }

    private void started(NewAuditEvent event) {
        try {
            sessions.create(new Session(event.sessionId(), SSH_SESSION, event.username(), event.login(), event.node(),
                    event.clientAddr(), null, event.time(), null));
        } catch (ConflictException e) {
            LOG.debug("session {} of node {} is known already: {}", event.sessionId(), event.node(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("cannot add session {} of node {} to the sessions table: {}", event.sessionId(), event.node(),
                    e.toString());
        }
    }

    private void ended(NewAuditEvent event) {
        try {
            Optional<Session> session = sessions.findById(event.sessionId());
            if (session.isEmpty() || !Objects.equals(session.get().nodeId(), event.node())) {
                LOG.debug("node {} ended session {}, which is not one of its sessions in the table", event.node(),
                        event.sessionId());
                return;
            }
            if (session.get().active()) {
                sessions.end(event.sessionId(), event.time());
            }
        } catch (NotFoundException | ConflictException e) {
            LOG.debug("session {} of node {} cannot be ended: {}", event.sessionId(), event.node(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("cannot end session {} of node {} in the sessions table: {}", event.sessionId(), event.node(),
                    e.toString());
        }
    }
}
