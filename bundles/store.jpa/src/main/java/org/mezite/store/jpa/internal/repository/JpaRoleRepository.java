package org.mezite.store.jpa.internal.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.RoleEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RoleRepository.class)
public final class JpaRoleRepository implements RoleRepository {

    private final JpaStore store;

    @Activate
    public JpaRoleRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Role create(String name, String spec) {
        RoleEntity role = new RoleEntity(UUID.randomUUID().toString(), name, spec, store.now().toEpochMilli());
        return store.write(subject(name), em -> {
            em.persist(role);
            return role.toRecord();
        });
    }

    @Override
    public Role update(String name, String spec) {
        long now = store.now().toEpochMilli();
        return store.write(subject(name), em -> {
            RoleEntity role = byName(em, name).orElseThrow(() -> new NotFoundException(subject(name) + " does not exist"));
            role.changeSpec(spec, now);
            return role.toRecord();
        });
    }

    @Override
    public Optional<Role> findByName(String name) {
        return store.read(em -> byName(em, name).map(RoleEntity::toRecord));
    }

    @Override
    public List<Role> list() {
        return store.read(em -> em.createQuery("SELECT r FROM RoleEntity r ORDER BY r.name", RoleEntity.class)
                .getResultList().stream().map(RoleEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String name) {
        return store.write(subject(name), em -> em.createQuery("DELETE FROM RoleEntity r WHERE r.name = :name")
                .setParameter("name", name).executeUpdate() > 0);
    }

    private static Optional<RoleEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT r FROM RoleEntity r WHERE r.name = :name", RoleEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static String subject(String name) {
        return "role " + Names.quoted(name);
    }
}
