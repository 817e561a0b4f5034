package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;
import org.mezite.api.store.SessionRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.SessionEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = SessionRepository.class)
public final class JpaSessionRepository implements SessionRepository {

    private final JpaStore store;

    @Activate
    public JpaSessionRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Session create(Session session) {
        SessionEntity entity = new SessionEntity(session);
        return store.write(subject(session.id()), em -> {
            em.persist(entity);
            return entity.toRecord();
        });
    }

    @Override
    public Session end(String id, Instant endedAt) {
        return store.write(subject(id), em -> {
            set(em, id, "s.endedAt = :value", endedAt.toEpochMilli());
            return Fresh.find(em, SessionEntity.class, id).orElseThrow().toRecord();
        });
    }

    @Override
    public void setRecordingPath(String id, String recordingPath) {
        store.write(subject(id), em -> {
            set(em, id, "s.recordingPath = :value", recordingPath);
            return null;
        });
    }

    private static void set(EntityManager em, String id, String assignment, Object value) {
        int changed = em.createQuery("UPDATE SessionEntity s SET " + assignment + " WHERE s.id = :id")
                .setParameter("value", value).setParameter("id", id).executeUpdate();
        if (changed == 0) {
            throw new NotFoundException(subject(id) + " does not exist");
        }
    }

    @Override
    public Optional<Session> findById(String id) {
        return store.read(em -> Optional.ofNullable(em.find(SessionEntity.class, id)).map(SessionEntity::toRecord));
    }

    @Override
    public List<Session> listActive() {
        return store.read(em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.endedAt IS NULL"
                + " ORDER BY s.startedAt", SessionEntity.class)
                .getResultList().stream().map(SessionEntity::toRecord).toList());
    }

    @Override
    public List<Session> listStarted(Instant from, Instant to, int limit) {
        return store.read(em -> em.createQuery("SELECT s FROM SessionEntity s"
                + " WHERE s.startedAt >= :from AND s.startedAt < :to ORDER BY s.startedAt DESC", SessionEntity.class)
                .setParameter("from", from.toEpochMilli()).setParameter("to", to.toEpochMilli())
                .setMaxResults(limit).getResultList().stream().map(SessionEntity::toRecord).toList());
    }

    private static String subject(String id) {
        return "session " + id;
    }
}
