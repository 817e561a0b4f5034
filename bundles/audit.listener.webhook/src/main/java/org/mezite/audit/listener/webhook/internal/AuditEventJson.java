package org.mezite.audit.listener.webhook.internal;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mezite.api.store.AuditEvent;

/**
 * An audit event as the JSON object SIEM tools receive: every field of the stored event under a snake_case name,
 * {@code time} in ISO-8601 UTC, absent values as {@code null} (so that every event has the same keys) and the event's
 * metadata embedded as the object {@code details}. The JSON lines listener writes the same shape (this class is a
 * copy of its own: the two plugins share nothing but the API).
 */
final class AuditEventJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The event as a request body: UTF-8 JSON. */
    byte[] bytes(AuditEvent event) throws JsonProcessingException {
        return mapper.writeValueAsBytes(object(event));
    }

    ObjectNode object(AuditEvent event) {
        ObjectNode out = mapper.createObjectNode();
        out.put("id", event.id());
        out.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        out.put("type", event.type());
        out.put("code", event.code());
        out.put("user", event.username());
        out.put("login", event.login());
        out.put("node", event.node());
        out.put("session_id", event.sessionId());
        out.put("client_addr", event.clientAddr());
        out.put("resource", event.resource());
        out.put("action", event.action());
        out.put("result", event.result());
        out.set("details", details(event.metadata()));
        out.put("prev_hash", event.prevHash());
        out.put("hash", event.hash());
        return out;
    }

    /**
     * The stored metadata is always a JSON object (AuditDetails writes it); should a row hold something else, it is
     * passed on as a string rather than lost, since the line is the record a SIEM keeps.
     */
    private JsonNode details(String metadata) {
        try {
            JsonNode parsed = mapper.readTree(metadata);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // kept as text below
        }
        return mapper.getNodeFactory().textNode(metadata);
    }
}
