package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored SSO connector definition. The config may hold client secrets, so {@link #toString()} leaves it out.
 *
 * @param id        stable id (a UUID)
 * @param type      connector type, e.g. {@code oidc}, {@code saml}, {@code github}, {@code ldap}
 * @param name      unique connector name
 * @param config    the connector's configuration (YAML or JSON)
 * @param createdAt when it was created
 * @param updatedAt when its config last changed
 */
public record AuthConnector(String id, String type, String name, String config, Instant createdAt,
        Instant updatedAt) {

    public AuthConnector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }

    @Override
    public String toString() {
        return "AuthConnector[id=" + id + ", type=" + type + ", name=" + name + ", config=(" + config.length()
                + " characters), createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
