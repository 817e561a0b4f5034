package org.mezite.rbac.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;
import org.mezite.api.store.StoreException;

/** Roles in a map, with a switch that makes every read fail like an unreachable database. */
final class InMemoryRoles implements RoleRepository {

    private final Map<String, Role> roles = new TreeMap<>();
    volatile boolean failing;

    @Override
    public synchronized Role create(String name, String spec) {
        if (roles.containsKey(name)) {
            throw new ConflictException("role \"" + name + "\" already exists");
        }
        Role role = new Role(UUID.randomUUID().toString(), name, spec, Instant.now(), Instant.now());
        roles.put(name, role);
        return role;
    }

    @Override
    public synchronized Role update(String name, String spec) {
        Role old = roles.get(name);
        if (old == null) {
            throw new NotFoundException("role \"" + name + "\" does not exist");
        }
        Role role = new Role(old.id(), name, spec, old.createdAt(), Instant.now());
        roles.put(name, role);
        return role;
    }

    @Override
    public synchronized Optional<Role> findByName(String name) {
        check();
        return Optional.ofNullable(roles.get(name));
    }

    @Override
    public synchronized List<Role> list() {
        check();
        return new ArrayList<>(roles.values());
    }

    @Override
    public synchronized boolean delete(String name) {
        return roles.remove(name) != null;
    }

    private void check() {
        if (failing) {
            throw new StoreException("database is unreachable");
        }
    }
}
