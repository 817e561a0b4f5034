package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Recording;
import org.mezite.api.store.RecordingRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.RecordingEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RecordingRepository.class)
public final class JpaRecordingRepository implements RecordingRepository {

    private final JpaStore store;

    @Activate
    public JpaRecordingRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Recording create(String sessionId, String sink, String location) {
        RecordingEntity recording = new RecordingEntity(sessionId, sink, location, store.now().toEpochMilli());
        return store.write(subject(sessionId), em -> {
            em.persist(recording);
            return recording.toRecord();
        });
    }

    @Override
    public void updateSize(String sessionId, long sizeBytes) {
        store.write(subject(sessionId), em -> {
            execute(em.createQuery("UPDATE RecordingEntity r SET r.sizeBytes = :size WHERE r.sessionId = :id")
                    .setParameter("size", sizeBytes), sessionId);
            return null;
        });
    }

    @Override
    public Recording markComplete(String sessionId, long sizeBytes, Instant at) {
        return store.write(subject(sessionId), em -> {
            execute(em.createQuery("UPDATE RecordingEntity r SET r.sizeBytes = :size, r.complete = :complete,"
                    + " r.completedAt = :at WHERE r.sessionId = :id").setParameter("size", sizeBytes)
                    .setParameter("complete", true).setParameter("at", at.toEpochMilli()), sessionId);
            return fresh(em, sessionId);
        });
    }

    private static void execute(Query update, String sessionId) {
        if (update.setParameter("id", sessionId).executeUpdate() == 0) {
            throw new NotFoundException(subject(sessionId) + " does not exist");
        }
    }

    private static Recording fresh(EntityManager em, String sessionId) {
        return Fresh.find(em, RecordingEntity.class, sessionId).orElseThrow().toRecord();
    }

    @Override
    public Optional<Recording> find(String sessionId) {
        return store.read(em -> Optional.ofNullable(em.find(RecordingEntity.class, sessionId))
                .map(RecordingEntity::toRecord));
    }

    @Override
    public List<Recording> listRecent(int limit) {
        return store.read(em -> em.createQuery("SELECT r FROM RecordingEntity r ORDER BY r.createdAt DESC,"
                + " r.sessionId", RecordingEntity.class).setMaxResults(limit)
                .getResultList().stream().map(RecordingEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String sessionId) {
        return store.write(subject(sessionId), em -> em.createQuery(
                "DELETE FROM RecordingEntity r WHERE r.sessionId = :id")
                .setParameter("id", sessionId).executeUpdate() > 0);
    }

    private static String subject(String sessionId) {
        return "recording of session " + sessionId;
    }
}
