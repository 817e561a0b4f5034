package org.mezite.node.internal;

import java.time.Clock;

import org.mezite.api.access.SshUser;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit events of the node's SSH server, each naming the user, the login, this node, the session and the user's
 * real address. Recording never fails a session: the agent's recorder queues, and anything it throws is logged.
 */
final class NodeAudit {

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private static final Logger LOG = LoggerFactory.getLogger(NodeAudit.class);

    private final AuditRecorder recorder;
    private final Clock clock;

    NodeAudit(AuditRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** A failed authentication on this connection ({@code ssh.auth}). */
    void authFailed(Connection connection, Connection.AuthFailure failure) {
        AuditDetails details = new AuditDetails().put("component", "node").put("reason", failure.reason());
        if (failure.certificate()) {
            details.put("cert_serial", Long.toUnsignedString(failure.serial()));
        }
        record(NewAuditEvent.builder("ssh.auth", FAILURE).username(failure.username()).login(failure.login())
                .sessionId(connection.id()), connection, details);
    }

    /** Access denied ({@code session.rejected}). */
    void rejected(Connection connection, SshUser user, String login, String sessionId, String reason) {
        record(NewAuditEvent.builder("session.rejected", FAILURE).username(user == null ? null : user.username())
                .login(login).sessionId(sessionId == null ? connection.id() : sessionId), connection,
                new AuditDetails().put("reason", reason));
    }

    /** An event of an authenticated connection's session or forward. */
    void event(String type, String result, Connection connection, String sessionId, AuditDetails details) {
        record(NewAuditEvent.builder(type, result).username(connection.user().username()).login(connection.login())
                .sessionId(sessionId), connection, details);
    }

    private void record(NewAuditEvent.Builder event, Connection connection, AuditDetails details) {
        NewAuditEvent built = event.time(clock.instant()).node(connection.identity().nodeId())
                .clientAddr(connection.origin().host()).metadata(details.toString()).build();
        try {
            recorder.record(built);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the audit event {} of session {}: {}", built.type(), built.sessionId(),
                    e.toString());
        }
    }
}
