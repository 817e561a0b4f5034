package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mezite.api.store.Invite;
import org.mezite.api.store.InviteRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.InviteEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = InviteRepository.class)
public final class JpaInviteRepository implements InviteRepository {

    private final JpaStore store;

    @Activate
    public JpaInviteRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Invite create(String tokenHash, String username, Instant expiresAt) {
        InviteEntity invite = new InviteEntity(tokenHash, username, expiresAt.toEpochMilli(),
                store.now().toEpochMilli());
        return store.write(subject(username), em -> {
            UserRows.requireUser(em, username);
            em.persist(invite);
            return invite.toRecord();
        });
    }

    @Override
    public Optional<Invite> find(String tokenHash) {
        return store.read(em -> Optional.ofNullable(em.find(InviteEntity.class, tokenHash)).map(InviteEntity::toRecord));
    }

    @Override
    public List<Invite> listByUser(String username) {
        return store.read(em -> em.createQuery("SELECT i FROM InviteEntity i WHERE i.username = :username"
                + " ORDER BY i.createdAt DESC", InviteEntity.class).setParameter("username", username)
                .getResultList().stream().map(InviteEntity::toRecord).toList());
    }

    @Override
    public Optional<Invite> consume(String tokenHash, Instant now) {
        return store.write("invite", em -> {
            int changed = em.createQuery("UPDATE InviteEntity i SET i.usedAt = :now WHERE i.tokenHash = :hash"
                    + " AND i.usedAt IS NULL AND i.expiresAt > :now").setParameter("now", now.toEpochMilli())
                    .setParameter("hash", tokenHash).executeUpdate();
            return changed == 0 ? Optional.<Invite>empty()
                    : Fresh.find(em, InviteEntity.class, tokenHash).map(InviteEntity::toRecord);
        });
    }

    @Override
    public int deleteByUser(String username) {
        return store.write(subject(username), em -> em.createQuery(
                "DELETE FROM InviteEntity i WHERE i.username = :username")
                .setParameter("username", username).executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.write("expired invites", em -> em.createQuery(
                "DELETE FROM InviteEntity i WHERE i.expiresAt <= :now")
                .setParameter("now", now.toEpochMilli()).executeUpdate());
    }

    private static String subject(String username) {
        return "invite for user " + Names.quoted(username);
    }
}
