package org.mezite.api.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * A session running on a node, as its start event reported it.
 *
 * @param id         the session id
 * @param username   the Mezite user
 * @param login      the Unix login
 * @param nodeId     the node's id
 * @param nodeName   the node's name, or the id when the node is gone
 * @param clientAddr the client's address, or {@code null}
 * @param startedAt  when it started
 */
public record ActiveSession(String id, String username, String login, String nodeId, String nodeName,
        String clientAddr, Instant startedAt) {

    public ActiveSession {
        Objects.requireNonNull(id, "id");
    }
}
