package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.AuditEvent;

/** A row of the append-only audit log: every column is insert-only. */
@Entity
@Table(name = "audit_events")
public class AuditEventEntity {

    @Id
    @Column(name = "id", updatable = false)
    private long id;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String type;

    @Column(name = "code", updatable = false)
    private String code;

    @Column(name = "username", updatable = false)
    private String username;

    @Column(name = "login", updatable = false)
    private String login;

    @Column(name = "node", updatable = false)
    private String node;

    @Column(name = "session_id", updatable = false)
    private String sessionId;

    @Column(name = "client_addr", updatable = false)
    private String clientAddr;

    @Column(name = "resource", updatable = false)
    private String resource;

    @Column(name = "action", updatable = false)
    private String action;

    @Column(name = "result", nullable = false, updatable = false)
    private String result;

    @Column(name = "metadata", nullable = false, updatable = false)
    private String metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(name = "hash", nullable = false, updatable = false)
    private String hash;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(AuditEvent event) {
        id = event.id();
        type = event.type();
        code = event.code();
        username = event.username();
        login = event.login();
        node = event.node();
        sessionId = event.sessionId();
        clientAddr = event.clientAddr();
        resource = event.resource();
        action = event.action();
        result = event.result();
        metadata = event.metadata();
        createdAt = Times.millis(event.time());
        prevHash = event.prevHash();
        hash = event.hash();
    }

    public AuditEvent toRecord() {
        return new AuditEvent(id, Times.instant(createdAt), type, code, username, login, node, sessionId, clientAddr,
                resource, action, result, metadata, prevHash, hash);
    }
}
