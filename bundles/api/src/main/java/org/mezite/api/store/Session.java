package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An interactive or exec session a user had on a node.
 *
 * @param id            session id (a UUID, chosen by whoever starts the session)
 * @param type          what kind of session, e.g. {@code ssh}
 * @param username      the Mezite user
 * @param login         the Unix login used on the node
 * @param nodeId        the node, or {@code null} when not known yet
 * @param clientAddr    the client's address, or {@code null}
 * @param recordingPath where the recording is, or {@code null}
 * @param startedAt     when the session started
 * @param endedAt       when it ended, or {@code null} while it runs
 */
public record Session(String id, String type, String username, String login, String nodeId, String clientAddr,
        String recordingPath, Instant startedAt, Instant endedAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean active() {
        return endedAt == null;
    }
}
