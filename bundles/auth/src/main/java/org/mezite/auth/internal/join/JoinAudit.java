package org.mezite.auth.internal.join;

import java.time.Clock;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;

/**
 * The audit events of joining: administrators' actions on tokens and nodes name the administrator as
 * {@code username}; a node's own actions name the node. Tokens appear only by their public id, never themselves.
 */
final class JoinAudit {

    static final String TOKEN_CREATE = "join_token.create";
    static final String TOKEN_DELETE = "join_token.delete";
    static final String JOIN = "instance.join";
    static final String CERT_CREATE = "cert.create";
    static final String NODE_DELETE = "node.delete";

    private final AuditRecorder events;
    private final Clock clock;

    JoinAudit(AuditRecorder events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void adminAction(String type, String actor, String resource, AuditDetails metadata) {
        events.record(NewAuditEvent.builder(type, "success").time(clock.instant()).username(actor)
                .resource(resource).metadata(metadata.put("success", true).toString()).build());
    }

    /**
     * A node's join or renewal.
     *
     * @param nodeId the node, or {@code null} when it never got an id
     * @param error  the error code, {@code null} for success
     */
    void nodeAction(String type, String nodeId, String clientAddr, String error, AuditDetails metadata) {
        metadata.put("success", error == null);
        if (error != null) {
            metadata.put("error", error);
        }
        events.record(NewAuditEvent.builder(type, error == null ? "success" : "failure").time(clock.instant())
                .node(nodeId).clientAddr(clientAddr).resource(nodeId == null ? null : "node/" + nodeId)
                .metadata(metadata.toString()).build());
    }
}
