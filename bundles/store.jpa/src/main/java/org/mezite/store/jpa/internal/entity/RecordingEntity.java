package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.Recording;

@Entity
@Table(name = "recordings")
public class RecordingEntity {

    @Id
    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "sink", nullable = false, updatable = false)
    private String sink;

    @Column(name = "location", nullable = false, updatable = false)
    private String location;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "complete", nullable = false)
    private boolean complete;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "completed_at")
    private Long completedAt;

    protected RecordingEntity() {
    }

    public RecordingEntity(String sessionId, String sink, String location, long now) {
        this.sessionId = sessionId;
        this.sink = sink;
        this.location = location;
        this.createdAt = now;
    }

    public Recording toRecord() {
        return new Recording(sessionId, sink, location, sizeBytes, complete, Times.instant(createdAt),
                Times.instantOrNull(completedAt));
    }
}
