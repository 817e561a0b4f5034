package org.mezite.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first line of an asciicast v2 recording as Mezite writes it: {@code version} 2, the start in {@code timestamp}
 * and who, where and which session in the {@code mezite} field.
 *
 * @param sessionId {@code mezite.session_id}
 * @param nodeId    {@code mezite.node_id}, or {@code null}
 * @param username  {@code mezite.user}, or {@code null}
 * @param login     {@code mezite.login}, or {@code null}
 * @param nodeName  {@code mezite.node}, or {@code null}
 * @param startedAt {@code timestamp} (epoch seconds, fractions kept to the millisecond)
 */
record CastHeader(String sessionId, String nodeId, String username, String login, String nodeName,
        Instant startedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a header line.
     *
     * @throws IllegalArgumentException when it is not asciicast v2 with Mezite's {@code mezite.session_id}
     */
    static CastHeader parse(String line) {
        JsonNode header;
        try {
            header = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the recording's header is not JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject() || header.path("version").asInt() != 2) {
            throw new IllegalArgumentException("the recording is not asciicast version 2");
        }
        JsonNode mezite = header.path("mezite");
        String sessionId = text(mezite, "session_id");
        if (sessionId == null) {
            throw new IllegalArgumentException("the recording's header has no mezite.session_id");
        }
        double timestamp = header.path("timestamp").asDouble(0);
        return new CastHeader(sessionId, text(mezite, "node_id"), text(mezite, "user"), text(mezite, "login"),
                text(mezite, "node"), Instant.ofEpochMilli(Math.round(timestamp * 1000)));
    }

    /**
     * Refuses a header of another session, or one naming another node than the one that sends it (a node may only
     * deliver recordings of its own sessions).
     *
     * @throws IllegalArgumentException saying which
     */
    CastHeader requireOf(String sendingNodeId, String expectedSessionId) {
        if (!sessionId.equals(expectedSessionId)) {
            throw new IllegalArgumentException("the recording's header is of session " + sessionId + ", not "
                    + expectedSessionId);
        }
        if (nodeId != null && !nodeId.equals(sendingNodeId)) {
            throw new IllegalArgumentException("the recording's header names node " + nodeId
                    + ", not the node that sends it");
        }
        return this;
    }

    /** The first line of a recording, read up to {@link HubRecordings#HEADER_LIMIT} bytes; empty when none ends there. */
    static Optional<String> firstLine(InputStream in) throws IOException {
        byte[] start = in.readNBytes(HubRecordings.HEADER_LIMIT);
        for (int i = 0; i < start.length; i++) {
            if (start[i] == '\n') {
                return Optional.of(new String(start, 0, i, StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
