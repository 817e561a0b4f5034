package org.mezite.admin.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.store.User;

/** A user's name, roles and traits as the JSON object that {@code user.update} and {@code user.delete} record. */
final class UserJson {

    private UserJson() {
    }

    static String of(User user) {
        return "{\"username\":" + AuditDetails.quote(user.username()) + ",\"roles\":" + array(user.roles())
                + ",\"traits\":" + traits(user.traits()) + "}";
    }

    private static String traits(Map<String, List<String>> traits) {
        return traits.entrySet().stream().map(e -> AuditDetails.quote(e.getKey()) + ":" + array(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String array(List<String> values) {
        return values.stream().map(AuditDetails::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
