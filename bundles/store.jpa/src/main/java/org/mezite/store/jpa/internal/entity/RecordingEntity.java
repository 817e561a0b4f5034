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

    @Column(name = "username")
    private String username;

    @Column(name = "login")
    private String login;

    @Column(name = "node_name")
    private String nodeName;

    @Column(name = "started_at", nullable = false)
    private long startedAt;

    @Column(name = "ended_at", nullable = false)
    private long endedAt;

    @Column(name = "complete", nullable = false)
    private boolean complete;

    @Column(name = "sink", nullable = false)
    private String sink;

    @Column(name = "location", nullable = false)
    private String location;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "stored_at", nullable = false)
    private long storedAt;

    protected RecordingEntity() {
    }

    public RecordingEntity(Recording recording) {
        sessionId = recording.sessionId();
        update(recording);
    }

    /** Takes every field but the id from {@code recording}. */
    public void update(Recording recording) {
        username = recording.username();
        login = recording.login();
        nodeName = recording.nodeName();
        startedAt = recording.startedAt().toEpochMilli();
        endedAt = recording.endedAt().toEpochMilli();
        complete = recording.complete();
        sink = recording.sink();
        location = recording.location();
        sizeBytes = recording.sizeBytes();
        storedAt = recording.storedAt().toEpochMilli();
    }

    public Recording toRecord() {
        return new Recording(sessionId, username, login, nodeName, Times.instant(startedAt), Times.instant(endedAt),
                complete, sink, location, sizeBytes, Times.instant(storedAt));
    }
}
