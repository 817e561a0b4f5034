package org.mezite.store.jpa.internal.entity;

import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.JoinToken;

@Entity
@Table(name = "join_tokens")
public class JoinTokenEntity {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "labels", nullable = false, updatable = false)
    private String labels;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected JoinTokenEntity() {
    }

    public JoinTokenEntity(String tokenHash, String type, Map<String, String> labels, long expiresAt, long now) {
        this.tokenHash = tokenHash;
        this.type = type;
        this.labels = JsonText.writeMap(labels);
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public JoinToken toRecord() {
        return new JoinToken(tokenHash, type, JsonText.readMap(labels), Times.instant(expiresAt),
                Times.instantOrNull(usedAt), Times.instant(createdAt));
    }
}
