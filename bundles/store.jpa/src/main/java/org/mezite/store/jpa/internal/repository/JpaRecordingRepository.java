package org.mezite.store.jpa.internal.repository;

import java.util.List;
import java.util.Optional;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.Recording;
import org.mezite.api.store.RecordingRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.RecordingEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The recordings index ({@code recordings}): one entry per session, replaced when a recording is stored again. */
@Component(service = RecordingRepository.class)
public final class JpaRecordingRepository implements RecordingRepository {

    private final JpaStore store;

    @Activate
    public JpaRecordingRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Recording put(Recording recording) {
        try {
            return upsert(recording);
        } catch (ConflictException e) {
            // another hub sharing the database inserted the session's entry between our look and our insert: it is
            // there now, so the second try updates it
            return upsert(recording);
        }
    }

    private Recording upsert(Recording recording) {
        return store.write(subject(recording.sessionId()), em -> {
            RecordingEntity existing = em.find(RecordingEntity.class, recording.sessionId());
            if (existing == null) {
                RecordingEntity created = new RecordingEntity(recording);
                em.persist(created);
                return created.toRecord();
            }
            existing.update(recording);
            return existing.toRecord();
        });
    }

    @Override
    public Optional<Recording> find(String sessionId) {
        return store.read(em -> Optional.ofNullable(em.find(RecordingEntity.class, sessionId))
                .map(RecordingEntity::toRecord));
    }

    @Override
    public List<Recording> listRecent(int limit) {
        return store.read(em -> em.createQuery("SELECT r FROM RecordingEntity r ORDER BY r.startedAt DESC,"
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
