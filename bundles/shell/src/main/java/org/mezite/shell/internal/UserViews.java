package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.admin.UserInfo;
import org.mezite.api.store.User;

/** Users for {@code mezite:user-list} and {@code mezite:user-get}. */
final class UserViews {

    private UserViews() {
    }

    static String table(List<UserInfo> users) {
        return Tables.render(List.of("User", "Roles", "Logins", "State"), users.stream()
                .map(u -> List.of(u.username(), String.join(",", u.roles()), String.join(",", logins(u)), state(u)))
                .toList());
    }

    static String detail(UserInfo u) {
        StringBuilder out = new StringBuilder();
        line(out, "User", u.username());
        line(out, "Roles", u.roles().isEmpty() ? "(none)" : String.join(", ", u.roles()));
        line(out, "Logins", logins(u).isEmpty() ? "(none)" : String.join(", ", logins(u)));
        u.traits().forEach((name, values) -> {
            if (!name.equals(User.LOGINS_TRAIT)) {
                line(out, "Trait " + name, String.join(", ", values));
            }
        });
        line(out, "State", state(u));
        line(out, "Password", u.passwordSet() ? "set" : "not set");
        line(out, "TOTP", u.totpEnrolled() ? "enrolled" : "not enrolled");
        line(out, "Created", Times.text(u.createdAt(), "unknown"));
        return out.toString();
    }

    static Map<String, Object> json(UserInfo u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("roles", u.roles());
        m.put("logins", logins(u));
        m.put("traits", u.traits());
        m.put("state", state(u));
        m.put("password_set", u.passwordSet());
        m.put("totp_enrolled", u.totpEnrolled());
        m.put("locked_until", Times.iso(u.lockedUntil()));
        m.put("created_at", Times.iso(u.createdAt()));
        return m;
    }

    /** active, invited (has not signed up yet) or locked until a time after failed logins. */
    static String state(UserInfo u) {
        if (u.lockedUntil() != null) {
            return "locked until " + Times.UTC.format(u.lockedUntil());
        }
        return u.passwordSet() ? "active" : "invited";
    }

    /** What {@code mezite:user-update} says it did. */
    static String updated(UserInfo u) {
        return "User \"" + u.username() + "\" updated: roles "
                + (u.roles().isEmpty() ? "(none)" : String.join(",", u.roles())) + ", logins "
                + (logins(u).isEmpty() ? "(none)" : String.join(",", logins(u))) + ".\n";
    }

    private static List<String> logins(UserInfo u) {
        return u.traits().getOrDefault(User.LOGINS_TRAIT, List.of());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-10s %s%n", label + ":", value));
    }
}
