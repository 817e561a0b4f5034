package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Audit events for {@code mezite:audit-search}, and the chain check of {@code mezite:audit-verify}. */
final class AuditViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shown for a field the event does not have, so that every line has the same number of words before metadata. */
    private static final String NONE = "-";

    private AuditViews() {
    }

    /**
     * One event on one line, for people and for {@code awk}: time, id, type, result, user, login, node, session, then
     * the metadata JSON (which may have spaces, so it comes last). A value with a space or a control character in it
     * is shown as a JSON string.
     */
    static String line(AuditEvent e) {
        return String.join(" ", Times.iso(e.time()), Long.toString(e.id()), word(e.type()), word(e.result()),
                word(e.username()), word(e.login()), word(e.node()), word(e.sessionId()), e.metadata());
    }

    static Map<String, Object> json(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("time", Times.iso(e.time()));
        m.put("type", e.type());
        m.put("code", e.code());
        m.put("user", e.username());
        m.put("login", e.login());
        m.put("node", e.node());
        m.put("session_id", e.sessionId());
        m.put("client_addr", e.clientAddr());
        m.put("resource", e.resource());
        m.put("action", e.action());
        m.put("result", e.result());
        m.put("metadata", metadata(e.metadata()));
        m.put("prev_hash", e.prevHash());
        m.put("hash", e.hash());
        return m;
    }

    static String verified(AuditChainCheck check) {
        return check.intact() ? "audit chain intact: " + check.checked() + " events checked"
                : "audit chain BROKEN at event " + check.brokenAt() + ": " + check.problem() + " (" + check.checked()
                        + " events checked before it)";
    }

    /** The metadata as a JSON object in the output, not a string holding one; as it is stored if it is not JSON. */
    private static Object metadata(String metadata) {
        try {
            return JSON.readTree(metadata);
        } catch (JsonProcessingException e) {
            return metadata;
        }
    }

    private static String word(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        boolean plain = value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '"');
        return plain && !value.equals(NONE) ? value : AuditDetails.quote(value);
    }
}
