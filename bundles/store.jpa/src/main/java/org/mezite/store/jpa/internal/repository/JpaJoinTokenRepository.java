package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.store.JoinToken;
import org.mezite.api.store.JoinTokenRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.JoinTokenEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = JoinTokenRepository.class)
public final class JpaJoinTokenRepository implements JoinTokenRepository {

    /** Token hashes stand in for secrets, so messages leave them out. */
    private static final String SUBJECT = "join token";

    private final JpaStore store;

    @Activate
    public JpaJoinTokenRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public JoinToken create(String tokenHash, String type, Map<String, String> labels, Instant expiresAt) {
        JoinTokenEntity token = new JoinTokenEntity(tokenHash, type, labels, expiresAt.toEpochMilli(),
                store.now().toEpochMilli());
        return store.write(SUBJECT, em -> {
            em.persist(token);
            return token.toRecord();
        });
    }

    @Override
    public Optional<JoinToken> find(String tokenHash) {
        return store.read(em -> Optional.ofNullable(em.find(JoinTokenEntity.class, tokenHash))
                .map(JoinTokenEntity::toRecord));
    }

    @Override
    public List<JoinToken> list() {
        return store.read(em -> em.createQuery("SELECT t FROM JoinTokenEntity t ORDER BY t.createdAt DESC",
                JoinTokenEntity.class).getResultList().stream().map(JoinTokenEntity::toRecord).toList());
    }

    @Override
    public Optional<JoinToken> consume(String tokenHash, Instant now) {
        return store.write(SUBJECT, em -> {
            int changed = em.createQuery("UPDATE JoinTokenEntity t SET t.usedAt = :now WHERE t.tokenHash = :hash"
                    + " AND t.usedAt IS NULL AND t.expiresAt > :now").setParameter("now", now.toEpochMilli())
                    .setParameter("hash", tokenHash).executeUpdate();
            return changed == 0 ? Optional.<JoinToken>empty()
                    : Fresh.find(em, JoinTokenEntity.class, tokenHash).map(JoinTokenEntity::toRecord);
        });
    }

    @Override
    public boolean delete(String tokenHash) {
        return store.write(SUBJECT, em -> em.createQuery("DELETE FROM JoinTokenEntity t WHERE t.tokenHash = :hash")
                .setParameter("hash", tokenHash).executeUpdate() > 0);
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.write("expired join tokens", em -> em.createQuery(
                "DELETE FROM JoinTokenEntity t WHERE t.expiresAt <= :now")
                .setParameter("now", now.toEpochMilli()).executeUpdate());
    }
}
