package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.store.Lock;

/** Locks for {@code mezite:lock-list} and {@code lock-add}. */
final class LockViews {

    private LockViews() {
    }

    static String table(List<Lock> locks) {
        return Tables.render(List.of("Id", "Target", "Message", "Expires", "Created by", "Created"), locks.stream()
                .map(l -> List.of(l.id(), l.target().toString(), l.message() == null ? "" : l.message(),
                        Times.text(l.expiresAt(), "never"), l.createdBy(), Times.text(l.createdAt(), "")))
                .toList());
    }

    static Map<String, Object> json(Lock l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("kind", l.target().kind().id());
        m.put("value", l.target().value());
        m.put("message", l.message());
        m.put("expires_at", Times.iso(l.expiresAt()));
        m.put("created_by", l.createdBy());
        m.put("created_at", Times.iso(l.createdAt()));
        return m;
    }

    static String added(Lock l) {
        return "Locked " + l.target() + " (lock " + l.id() + "), "
                + (l.expiresAt() == null ? "until the lock is removed" : "until " + Times.UTC.format(l.expiresAt()))
                + (l.message() == null ? "" : ": " + l.message()) + ".\n"
                + "Remove it with: mezite:lock-rm " + l.id() + "\n";
    }
}
