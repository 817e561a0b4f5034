package org.mezite.shell.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.join.JoinTokenInfo;

/** Join tokens for {@code mezite:token-list}: their ids, never the secrets. */
final class TokenViews {

    private TokenViews() {
    }

    static String table(List<JoinTokenInfo> tokens, Instant now) {
        return Tables.render(List.of("Id", "Type", "Labels", "Expires", "State"), tokens.stream()
                .map(t -> List.of(t.id(), t.type().id(), Labels.format(t.labels()), Times.UTC.format(t.expiresAt()),
                        t.state(now).id()))
                .toList());
    }

    static Map<String, Object> json(JoinTokenInfo t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("type", t.type().id());
        m.put("labels", t.labels());
        m.put("created_at", Times.iso(t.createdAt()));
        m.put("expires_at", Times.iso(t.expiresAt()));
        m.put("used_at", Times.iso(t.usedAt()));
        m.put("state", t.state(now).id());
        return m;
    }
}
