package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.Session;

@Entity
@Table(name = "sessions")
public class SessionEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "login", nullable = false, updatable = false)
    private String login;

    @Column(name = "node_id")
    private String nodeId;

    @Column(name = "client_addr")
    private String clientAddr;

    @Column(name = "recording_path")
    private String recordingPath;

    @Column(name = "started_at", nullable = false, updatable = false)
    private long startedAt;

    @Column(name = "ended_at")
    private Long endedAt;

    protected SessionEntity() {
    }

    public SessionEntity(Session session) {
        id = session.id();
        type = session.type();
        username = session.username();
        login = session.login();
        nodeId = session.nodeId();
        clientAddr = session.clientAddr();
        recordingPath = session.recordingPath();
        startedAt = Times.millis(session.startedAt());
        endedAt = Times.millisOrNull(session.endedAt());
    }

    public Session toRecord() {
        return new Session(id, type, username, login, nodeId, clientAddr, recordingPath, Times.instant(startedAt),
                Times.instantOrNull(endedAt));
    }
}
