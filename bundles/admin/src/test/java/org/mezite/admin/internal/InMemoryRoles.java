package org.mezite.admin.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;

/** Roles in a map. */
final class InMemoryRoles implements RoleRepository {

    final Map<String, Role> roles = new TreeMap<>();
    private final Instant now;

    InMemoryRoles(Instant now) {
        this.now = now;
    }

    @Override
    public Role create(String name, String spec) {
        if (roles.containsKey(name)) {
            throw new ConflictException("role " + AuditDetails.quote(name) + " already exists");
        }
        Role role = new Role(UUID.randomUUID().toString(), name, spec, now, now);
        roles.put(name, role);
        return role;
    }

    @Override
    public Role update(String name, String spec) {
        Role old = findByName(name).orElseThrow(() -> new NotFoundException("role \"" + name + "\" does not exist"));
        Role role = new Role(old.id(), name, spec, old.createdAt(), now);
        roles.put(name, role);
        return role;
    }

    @Override
    public Optional<Role> findByName(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    @Override
    public List<Role> list() {
        return List.copyOf(roles.values());
    }

    @Override
    public boolean delete(String name) {
        return roles.remove(name) != null;
    }
}
