package org.mezite.store.jpa.internal.entity;

import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.AccessRequest;
import org.mezite.api.store.AccessRequestState;

@Entity
@Table(name = "access_requests")
public class AccessRequestEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "requested_roles", nullable = false, updatable = false)
    private String requestedRoles;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolve_reason")
    private String resolveReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "resolved_at")
    private Long resolvedAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected AccessRequestEntity() {
    }

    public AccessRequestEntity(String id, String username, List<String> requestedRoles, String reason, long expiresAt,
            long now) {
        this.id = id;
        this.username = username;
        this.requestedRoles = JsonText.writeList(requestedRoles);
        this.reason = reason;
        this.state = AccessRequestState.PENDING.id();
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public AccessRequestState state() {
        return AccessRequestState.fromId(state);
    }

    public AccessRequest toRecord() {
        return new AccessRequest(id, username, JsonText.readList(requestedRoles), reason, state(), resolvedBy,
                resolveReason, Times.instant(createdAt), Times.instantOrNull(resolvedAt), Times.instant(expiresAt));
    }
}
