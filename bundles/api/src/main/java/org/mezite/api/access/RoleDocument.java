package org.mezite.api.access;

import java.util.Objects;

/**
 * A role document that passed validation.
 *
 * @param name        {@code metadata.name}
 * @param description {@code metadata.description}, or empty
 * @param yaml        the document as YAML, as it is stored and as {@code mezite:role-get} prints it
 */
public record RoleDocument(String name, String description, String yaml) {

    public RoleDocument {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(yaml, "yaml");
    }
}
