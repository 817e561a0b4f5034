package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.Invite;

@Entity
@Table(name = "invite_tokens")
public class InviteEntity {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected InviteEntity() {
    }

    public InviteEntity(String tokenHash, String username, long expiresAt, long now) {
        this.tokenHash = tokenHash;
        this.username = username;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public Invite toRecord() {
        return new Invite(tokenHash, username, Times.instant(expiresAt), Times.instantOrNull(usedAt),
                Times.instant(createdAt));
    }
}
