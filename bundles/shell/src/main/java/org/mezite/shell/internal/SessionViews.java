package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.admin.ActiveSession;

/** Running sessions for {@code mezite:session-list}. */
final class SessionViews {

    private SessionViews() {
    }

    static String table(List<ActiveSession> sessions) {
        return Tables.render(List.of("Id", "User", "Login", "Node", "Client", "Started"), sessions.stream()
                .map(s -> List.of(s.id(), s.username(), s.login(), s.nodeName() == null ? "" : s.nodeName(),
                        s.clientAddr() == null ? "" : s.clientAddr(), Times.text(s.startedAt(), "")))
                .toList());
    }

    static Map<String, Object> json(ActiveSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("user", s.username());
        m.put("login", s.login());
        m.put("node_id", s.nodeId());
        m.put("node", s.nodeName());
        m.put("client_addr", s.clientAddr());
        m.put("started_at", Times.iso(s.startedAt()));
        return m;
    }
}
