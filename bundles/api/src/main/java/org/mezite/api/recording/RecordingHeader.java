package org.mezite.api.recording;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.mezite.api.access.RecordSessionMode;

/**
 * What the node knows about a session when its terminal opens; becomes the asciicast header (terminal size,
 * {@code TERM}, time) and its {@code mezite} field (the rest).
 *
 * @param sessionId the session
 * @param username  the Mezite user
 * @param login     the Unix login
 * @param nodeId    the node's id
 * @param nodeName  the node's name
 * @param roles     the user's roles
 * @param columns   terminal width
 * @param rows      terminal height
 * @param term      the client's {@code TERM}, or {@code null}
 * @param startedAt when the session started
 * @param onFailure what the user's roles say to do when the recording cannot be kept ({@code record_session})
 */
public record RecordingHeader(String sessionId, String username, String login, String nodeId, String nodeName,
        List<String> roles, int columns, int rows, String term, Instant startedAt, RecordSessionMode onFailure) {

    public RecordingHeader {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(onFailure, "onFailure");
        roles = List.copyOf(roles);
    }
}
