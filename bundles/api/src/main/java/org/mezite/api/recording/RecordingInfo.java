package org.mezite.api.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored recording as listed and played back.
 *
 * @param sessionId the recorded session
 * @param username  the Mezite user
 * @param login     the Unix login
 * @param nodeName  the node
 * @param startedAt when the session started
 * @param duration  how long the recording runs (to its last event)
 * @param complete  false when the session was cut off (agent killed, host down) and the recording ends early
 * @param sizeBytes size of the stored (compressed) recording
 * @param sink      the sink that holds it, e.g. {@code file}
 * @param storedAt  when it was stored
 */
public record RecordingInfo(String sessionId, String username, String login, String nodeName, Instant startedAt,
        Duration duration, boolean complete, long sizeBytes, String sink, Instant storedAt) {

    public RecordingInfo {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
