package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = UserRepository.class)
public final class JpaUserRepository implements UserRepository {

    private final JpaStore store;

    @Activate
    public JpaUserRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public User create(String username, List<String> roles, Map<String, List<String>> traits) {
        UserEntity user = new UserEntity(UUID.randomUUID().toString(), username, roles, traits,
                store.now().toEpochMilli());
        return store.write(subject(username), em -> {
            em.persist(user);
            return user.toRecord();
        });
    }

    @Override
    public Optional<User> findById(String id) {
        return store.read(em -> Optional.ofNullable(em.find(UserEntity.class, id)).map(UserEntity::toRecord));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return store.read(em -> byUsername(em, username).map(UserEntity::toRecord));
    }

    @Override
    public List<User> list() {
        return store.read(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.username", UserEntity.class)
                .getResultList().stream().map(UserEntity::toRecord).toList());
    }

    @Override
    public User update(String username, List<String> roles, Map<String, List<String>> traits) {
        long now = store.now().toEpochMilli();
        return store.write(subject(username), em -> {
            UserEntity user = existing(em, username);
            user.changeRolesAndTraits(roles, traits, now);
            return user.toRecord();
        });
    }

    @Override
    public void setPasswordHash(String username, String passwordHash) {
        long now = store.now().toEpochMilli();
        store.write(subject(username), em -> {
            existing(em, username).changePasswordHash(passwordHash, now);
            return null;
        });
    }

    @Override
    public void setTotpSecret(String username, byte[] encryptedSecret) {
        long now = store.now().toEpochMilli();
        store.write(subject(username), em -> {
            existing(em, username).changeTotpSecret(encryptedSecret, now);
            return null;
        });
    }

    @Override
    public boolean claimTotpStep(String username, long step) {
        return store.write(subject(username), em -> {
            int changed = em.createQuery("UPDATE UserEntity u SET u.totpLastStep = :step WHERE u.username = :username"
                    + " AND (u.totpLastStep IS NULL OR u.totpLastStep < :step)")
                    .setParameter("step", step).setParameter("username", username).executeUpdate();
            if (changed == 0) {
                UserRows.requireUser(em, username);
            }
            return changed > 0;
        });
    }

    @Override
    public int recordLoginFailure(String username) {
        long now = store.now().toEpochMilli();
        return store.write(subject(username), em -> {
            int changed = em.createQuery("UPDATE UserEntity u SET u.failedLogins = u.failedLogins + 1,"
                    + " u.updatedAt = :now WHERE u.username = :username")
                    .setParameter("now", now).setParameter("username", username).executeUpdate();
            if (changed == 0) {
                throw notFound(username);
            }
            return em.createQuery("SELECT u.failedLogins FROM UserEntity u WHERE u.username = :username",
                    Integer.class).setParameter("username", username).getSingleResult();
        });
    }

    @Override
    public void lockUntil(String username, Instant until) {
        setLockout(username, "u.lockedUntil = :until", until.toEpochMilli());
    }

    @Override
    public void clearLoginFailures(String username) {
        setLockout(username, "u.failedLogins = 0, u.lockedUntil = NULL", null);
    }

    private void setLockout(String username, String assignments, Long until) {
        long now = store.now().toEpochMilli();
        store.write(subject(username), em -> {
            var query = em.createQuery("UPDATE UserEntity u SET " + assignments + ", u.updatedAt = :now"
                    + " WHERE u.username = :username").setParameter("now", now).setParameter("username", username);
            if (until != null) {
                query.setParameter("until", until);
            }
            if (query.executeUpdate() == 0) {
                throw notFound(username);
            }
            return null;
        });
    }

    @Override
    public boolean delete(String username) {
        return store.write(subject(username), em -> em.createQuery(
                "DELETE FROM UserEntity u WHERE u.username = :username")
                .setParameter("username", username).executeUpdate() > 0);
    }

    private static Optional<UserEntity> byUsername(EntityManager em, String username) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.username = :username", UserEntity.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    private static UserEntity existing(EntityManager em, String username) {
        return byUsername(em, username).orElseThrow(() -> notFound(username));
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException(subject(username) + " does not exist");
    }

    private static String subject(String username) {
        return "user " + Names.quoted(username);
    }
}
