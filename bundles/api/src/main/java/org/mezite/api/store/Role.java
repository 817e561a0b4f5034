package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A role as stored: its name and its specification text (YAML or JSON), which the RBAC bundle parses.
 *
 * @param id        stable id (a UUID)
 * @param name      unique role name
 * @param spec      the role specification as the administrator wrote it
 * @param createdAt when the role was created
 * @param updatedAt when the spec last changed
 */
public record Role(String id, String name, String spec, Instant createdAt, Instant updatedAt) {

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
