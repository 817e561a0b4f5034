package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mezite.api.store.AccessRequest;
import org.mezite.api.store.AccessRequestRepository;
import org.mezite.api.store.AccessRequestState;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.AccessRequestEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AccessRequestRepository.class)
public final class JpaAccessRequestRepository implements AccessRequestRepository {

    private final JpaStore store;

    @Activate
    public JpaAccessRequestRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public AccessRequest create(String username, List<String> requestedRoles, String reason, Instant expiresAt) {
        AccessRequestEntity request = new AccessRequestEntity(UUID.randomUUID().toString(), username, requestedRoles,
                reason, expiresAt.toEpochMilli(), store.now().toEpochMilli());
        return store.write("access request of user " + Names.quoted(username), em -> {
            em.persist(request);
            return request.toRecord();
        });
    }

    @Override
    public Optional<AccessRequest> findById(String id) {
        return store.read(em -> Optional.ofNullable(em.find(AccessRequestEntity.class, id))
                .map(AccessRequestEntity::toRecord));
    }

    @Override
    public List<AccessRequest> list(AccessRequestState state) {
        return store.read(em -> em.createQuery("SELECT r FROM AccessRequestEntity r WHERE r.state = :state"
                + " ORDER BY r.createdAt DESC, r.id", AccessRequestEntity.class).setParameter("state", state.id())
                .getResultList().stream().map(AccessRequestEntity::toRecord).toList());
    }

    @Override
    public List<AccessRequest> listByUser(String username) {
        return store.read(em -> em.createQuery("SELECT r FROM AccessRequestEntity r WHERE r.username = :username"
                + " ORDER BY r.createdAt DESC, r.id", AccessRequestEntity.class).setParameter("username", username)
                .getResultList().stream().map(AccessRequestEntity::toRecord).toList());
    }

    @Override
    public AccessRequest resolve(String id, AccessRequestState state, String resolvedBy, String resolveReason,
            Instant at) {
        if (state == AccessRequestState.PENDING) {
            throw new IllegalArgumentException("access request " + id + " can only be resolved as approved or denied");
        }
        return store.write(subject(id), em -> {
            int changed = em.createQuery("UPDATE AccessRequestEntity r SET r.state = :state, r.resolvedBy = :by,"
                    + " r.resolveReason = :reason, r.resolvedAt = :at WHERE r.id = :id AND r.state = :pending")
                    .setParameter("state", state.id()).setParameter("by", resolvedBy)
                    .setParameter("reason", resolveReason).setParameter("at", at.toEpochMilli())
                    .setParameter("id", id).setParameter("pending", AccessRequestState.PENDING.id()).executeUpdate();
            AccessRequestEntity request = Fresh.find(em, AccessRequestEntity.class, id)
                    .orElseThrow(() -> new NotFoundException(subject(id) + " does not exist"));
            if (changed == 0) {
                throw new ConflictException(subject(id) + " is already " + request.state().id());
            }
            return request.toRecord();
        });
    }

    @Override
    public boolean delete(String id) {
        return store.write(subject(id), em -> em.createQuery("DELETE FROM AccessRequestEntity r WHERE r.id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }

    private static String subject(String id) {
        return "access request " + id;
    }
}
