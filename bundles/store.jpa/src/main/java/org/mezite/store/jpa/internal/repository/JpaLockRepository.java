package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;
import org.mezite.api.store.LockTarget;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.LockEntity;
import org.mezite.store.jpa.internal.entity.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = LockRepository.class)
public final class JpaLockRepository implements LockRepository {

    private final JpaStore store;

    @Activate
    public JpaLockRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Lock create(LockTarget target, String message, Instant expiresAt, String createdBy) {
        LockEntity lock = new LockEntity(UUID.randomUUID().toString(), target, message, Times.millisOrNull(expiresAt),
                createdBy, store.now().toEpochMilli());
        return store.write("lock on " + target, em -> {
            em.persist(lock);
            return lock.toRecord();
        });
    }

    @Override
    public List<Lock> list() {
        return store.read(em -> em.createQuery("SELECT l FROM LockEntity l ORDER BY l.createdAt DESC, l.id",
                LockEntity.class).getResultList().stream().map(LockEntity::toRecord).toList());
    }

    @Override
    public List<Lock> listActive(Instant now) {
        return store.read(em -> em.createQuery("SELECT l FROM LockEntity l"
                + " WHERE l.expiresAt IS NULL OR l.expiresAt > :now ORDER BY l.createdAt DESC, l.id", LockEntity.class)
                .setParameter("now", now.toEpochMilli())
                .getResultList().stream().map(LockEntity::toRecord).toList());
    }

    @Override
    public List<Lock> listActive(LockTarget target, Instant now) {
        return store.read(em -> em.createQuery("SELECT l FROM LockEntity l"
                + " WHERE l.targetKind = :kind AND l.targetValue = :value"
                + " AND (l.expiresAt IS NULL OR l.expiresAt > :now) ORDER BY l.createdAt DESC, l.id", LockEntity.class)
                .setParameter("kind", target.kind().id()).setParameter("value", target.value())
                .setParameter("now", now.toEpochMilli())
                .getResultList().stream().map(LockEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String id) {
        return store.write("lock " + id, em -> em.createQuery("DELETE FROM LockEntity l WHERE l.id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.write("expired locks", em -> em.createQuery(
                "DELETE FROM LockEntity l WHERE l.expiresAt IS NOT NULL AND l.expiresAt <= :now")
                .setParameter("now", now.toEpochMilli()).executeUpdate());
    }
}
