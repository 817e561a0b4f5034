package org.mezite.api.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored role.
 *
 * @param name        the role's name
 * @param description {@code metadata.description}
 * @param yaml        the role document
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 */
public record RoleInfo(String name, String description, String yaml, Instant createdAt, Instant updatedAt) {

    public RoleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
    }
}
