package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

@Entity
@Table(name = "locks")
public class LockEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "target_kind", nullable = false, updatable = false)
    private String targetKind;

    @Column(name = "target_value", nullable = false, updatable = false)
    private String targetValue;

    @Column(name = "message", updatable = false)
    private String message;

    @Column(name = "expires_at", updatable = false)
    private Long expiresAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected LockEntity() {
    }

    public LockEntity(String id, LockTarget target, String message, Long expiresAt, String createdBy, long now) {
        this.id = id;
        this.targetKind = target.kind().id();
        this.targetValue = target.value();
        this.message = message;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Lock toRecord() {
        return new Lock(id, new LockTarget(LockTargetKind.fromId(targetKind), targetValue), message,
                Times.instantOrNull(expiresAt), createdBy, Times.instant(createdAt));
    }
}
