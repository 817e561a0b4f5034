package org.mezite.store.jpa.internal.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.mezite.api.store.AuthConnector;
import org.mezite.api.store.AuthConnectorRepository;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.AuthConnectorEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AuthConnectorRepository.class)
public final class JpaAuthConnectorRepository implements AuthConnectorRepository {

    private final JpaStore store;

    @Activate
    public JpaAuthConnectorRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public AuthConnector create(String type, String name, String config) {
        AuthConnectorEntity connector = new AuthConnectorEntity(UUID.randomUUID().toString(), type, name, config,
                store.now().toEpochMilli());
        return store.write(subject(name), em -> {
            em.persist(connector);
            return connector.toRecord();
        });
    }

    @Override
    public AuthConnector update(String name, String config) {
        long now = store.now().toEpochMilli();
        return store.write(subject(name), em -> {
            AuthConnectorEntity connector = byName(em, name)
                    .orElseThrow(() -> new NotFoundException(subject(name) + " does not exist"));
            connector.changeConfig(config, now);
            return connector.toRecord();
        });
    }

    @Override
    public Optional<AuthConnector> findByName(String name) {
        return store.read(em -> byName(em, name).map(AuthConnectorEntity::toRecord));
    }

    @Override
    public List<AuthConnector> list() {
        return store.read(em -> em.createQuery("SELECT c FROM AuthConnectorEntity c ORDER BY c.name",
                AuthConnectorEntity.class).getResultList().stream().map(AuthConnectorEntity::toRecord).toList());
    }

    @Override
    public List<AuthConnector> listByType(String type) {
        return store.read(em -> em.createQuery("SELECT c FROM AuthConnectorEntity c WHERE c.type = :type"
                + " ORDER BY c.name", AuthConnectorEntity.class).setParameter("type", type)
                .getResultList().stream().map(AuthConnectorEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String name) {
        return store.write(subject(name), em -> em.createQuery("DELETE FROM AuthConnectorEntity c WHERE c.name = :name")
                .setParameter("name", name).executeUpdate() > 0);
    }

    private static Optional<AuthConnectorEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT c FROM AuthConnectorEntity c WHERE c.name = :name", AuthConnectorEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static String subject(String name) {
        return "auth connector " + Names.quoted(name);
    }
}
