package org.mezite.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Roles by name; the spec is stored as text and interpreted elsewhere. */
@ProviderType
public interface RoleRepository {

    /** @throws ConflictException when the name is taken */
    Role create(String name, String spec);

    /**
     * Replaces the spec of a role.
     *
     * @throws NotFoundException when there is no such role
     */
    Role update(String name, String spec);

    Optional<Role> findByName(String name);

    /** Every role, by name. */
    List<Role> list();

    /** False when there was no such role. */
    boolean delete(String name);
}
