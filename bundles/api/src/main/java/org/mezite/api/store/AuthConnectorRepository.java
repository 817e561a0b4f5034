package org.mezite.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** SSO connector definitions (OIDC, SAML, GitHub, LDAP, ...) by name. */
@ProviderType
public interface AuthConnectorRepository {

    /** @throws ConflictException when the name is taken */
    AuthConnector create(String type, String name, String config);

    /**
     * Replaces the config of a connector.
     *
     * @throws NotFoundException when there is no such connector
     */
    AuthConnector update(String name, String config);

    Optional<AuthConnector> findByName(String name);

    /** Every connector, by name. */
    List<AuthConnector> list();

    /** The connectors of a type, by name. */
    List<AuthConnector> listByType(String type);

    /** False when there was no such connector. */
    boolean delete(String name);
}
