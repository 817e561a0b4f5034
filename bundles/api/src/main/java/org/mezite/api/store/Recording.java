package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the recording of a session is kept.
 *
 * @param sessionId   the recorded session
 * @param sink        the recording sink that holds it, e.g. {@code file}
 * @param location    where in the sink, e.g. a path
 * @param sizeBytes   its size so far
 * @param complete    whether the whole session has been uploaded
 * @param createdAt   when the first part arrived
 * @param completedAt when it was completed, or {@code null}
 */
public record Recording(String sessionId, String sink, String location, long sizeBytes, boolean complete,
        Instant createdAt, Instant completedAt) {

    public Recording {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(location, "location");
    }
}
