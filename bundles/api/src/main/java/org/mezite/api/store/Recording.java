package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The index entry of a stored session recording; the recording itself lives in a recording sink.
 *
 * @param sessionId  the recorded session
 * @param username   the Mezite user, or {@code null} when the recording did not say
 * @param login      the Unix login, or {@code null}
 * @param nodeName   the node, or {@code null}
 * @param startedAt  when the session started
 * @param endedAt    when its last event happened
 * @param complete   false when the session was cut off and the recording ends early
 * @param sink       the recording sink that holds it, e.g. {@code file}
 * @param location   where in the sink, e.g. a path
 * @param sizeBytes  its stored (compressed) size
 * @param storedAt   when it was stored
 */
public record Recording(String sessionId, String username, String login, String nodeName, Instant startedAt,
        Instant endedAt, boolean complete, String sink, String location, long sizeBytes, Instant storedAt) {

    public Recording {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
