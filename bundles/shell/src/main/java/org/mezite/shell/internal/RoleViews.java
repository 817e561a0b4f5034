package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.admin.RoleInfo;

/** Roles for {@code mezite:role-list}, {@code role-get} and {@code role-create}. */
final class RoleViews {

    private RoleViews() {
    }

    static String table(List<RoleInfo> roles) {
        return Tables.render(List.of("Role", "Description", "Updated"), roles.stream()
                .map(r -> List.of(r.name(), r.description() == null ? "" : r.description(),
                        Times.text(r.updatedAt(), "")))
                .toList());
    }

    static Map<String, Object> json(RoleInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("description", r.description());
        m.put("created_at", Times.iso(r.createdAt()));
        m.put("updated_at", Times.iso(r.updatedAt()));
        return m;
    }

    /** The role's YAML, ending with a newline. */
    static String yaml(RoleInfo r) {
        return r.yaml().endsWith("\n") ? r.yaml() : r.yaml() + "\n";
    }

    /** What {@code mezite:role-create} says it did: a new role has not changed since it was made. */
    static String saved(RoleInfo r) {
        boolean created = r.createdAt() != null && r.createdAt().equals(r.updatedAt());
        return "Role \"" + r.name() + "\" " + (created ? "created" : "updated") + ".\n";
    }
}
