package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.WebSession;

@Entity
@Table(name = "web_sessions")
public class WebSessionEntity {

    @Id
    @Column(name = "id_hash")
    private String idHash;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private long expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected WebSessionEntity() {
    }

    public WebSessionEntity(String idHash, String username, long expiresAt, long now) {
        this.idHash = idHash;
        this.username = username;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public WebSession toRecord() {
        return new WebSession(idHash, username, Times.instant(expiresAt), Times.instant(createdAt));
    }
}
