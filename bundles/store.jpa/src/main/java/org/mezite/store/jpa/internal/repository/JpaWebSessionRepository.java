package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.Optional;

import org.mezite.api.store.WebSession;
import org.mezite.api.store.WebSessionRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.WebSessionEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = WebSessionRepository.class)
public final class JpaWebSessionRepository implements WebSessionRepository {

    private final JpaStore store;

    @Activate
    public JpaWebSessionRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public WebSession create(String idHash, String username, Instant expiresAt) {
        WebSessionEntity session = new WebSessionEntity(idHash, username, expiresAt.toEpochMilli(),
                store.now().toEpochMilli());
        return store.write("web session of user " + Names.quoted(username), em -> {
            UserRows.requireUser(em, username);
            em.persist(session);
            return session.toRecord();
        });
    }

    @Override
    public Optional<WebSession> findValid(String idHash, Instant now) {
        return store.read(em -> Optional.ofNullable(em.find(WebSessionEntity.class, idHash))
                .map(WebSessionEntity::toRecord).filter(s -> s.expiresAt().isAfter(now)));
    }

    @Override
    public boolean delete(String idHash) {
        return store.write("web session", em -> em.createQuery("DELETE FROM WebSessionEntity s WHERE s.idHash = :id")
                .setParameter("id", idHash).executeUpdate() > 0);
    }

    @Override
    public int deleteByUser(String username) {
        return store.write("web sessions of user " + Names.quoted(username), em -> em.createQuery(
                "DELETE FROM WebSessionEntity s WHERE s.username = :username")
                .setParameter("username", username).executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.write("expired web sessions", em -> em.createQuery(
                "DELETE FROM WebSessionEntity s WHERE s.expiresAt <= :now")
                .setParameter("now", now.toEpochMilli()).executeUpdate());
    }
}
