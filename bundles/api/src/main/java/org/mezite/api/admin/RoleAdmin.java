package org.mezite.api.admin;

import java.util.List;

import org.mezite.api.access.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Roles (resource {@code role}); checked and audited like {@link UserAdmin}, changes with before and after. */
@ProviderType
public interface RoleAdmin {

    /** Verb {@code list}. */
    List<RoleInfo> list(Caller caller);

    /** Verb {@code read}. @throws org.mezite.api.store.NotFoundException when there is no such role */
    RoleInfo get(Caller caller, String name);

    /**
     * Verb {@code create}, or {@code update} when {@code replace} is set and the role exists.
     *
     * @param document the role as YAML or JSON; its {@code metadata.name} names it
     * @throws org.mezite.api.access.InvalidRoleException naming the role and the field
     * @throws org.mezite.api.store.ConflictException when the role exists and {@code replace} is not set
     */
    RoleInfo create(Caller caller, String document, boolean replace);

    /**
     * Verb {@code delete}.
     *
     * @throws org.mezite.api.store.NotFoundException when there is no such role
     * @throws org.mezite.api.store.ConflictException when users still have the role (names them)
     */
    void remove(Caller caller, String name);
}
