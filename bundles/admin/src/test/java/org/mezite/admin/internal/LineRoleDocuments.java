package org.mezite.admin.internal;

import java.util.List;

import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.access.RoleDocument;
import org.mezite.api.access.RoleDocuments;

/**
 * Stands in for the RBAC bundle's parser: a document is valid when it has a {@code name: X} line and no line
 * {@code bad: ...}; the stored YAML is the text with a marker line, so tests can tell it was normalised.
 */
final class LineRoleDocuments implements RoleDocuments {

    @Override
    public RoleDocument parse(String text) {
        String name = value(text, "name");
        if (name == null) {
            throw new InvalidRoleException("role: metadata.name: missing");
        }
        String bad = value(text, "bad");
        if (bad != null) {
            throw new InvalidRoleException("role \"" + name + "\": spec.bad: " + bad);
        }
        String description = value(text, "description");
        String yaml = text.startsWith("# normalised\n") ? text : "# normalised\n" + text;
        return new RoleDocument(name, description, yaml);
    }

    @Override
    public List<RoleDocument> presets() {
        return List.of();
    }

    private static String value(String text, String key) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip()).findFirst().orElse(null);
    }
}
