package org.mezite.admin.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;

/** Users in a map; only what the admin services use does anything. */
final class InMemoryUsers implements UserRepository {

    final Map<String, User> users = new TreeMap<>();
    private final Instant now;

    InMemoryUsers(Instant now) {
        this.now = now;
    }

    @Override
    public User create(String username, List<String> roles, Map<String, List<String>> traits) {
        if (users.containsKey(username)) {
            throw new ConflictException("user " + AuditDetails.quote(username) + " already exists");
        }
        User user = new User(UUID.randomUUID().toString(), username, null, roles, traits, null, 0, null, now, now);
        users.put(username, user);
        return user;
    }

    User put(User user) {
        users.put(user.username(), user);
        return user;
    }

    @Override
    public Optional<User> findById(String id) {
        return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<User> list() {
        return List.copyOf(users.values());
    }

    @Override
    public User update(String username, List<String> roles, Map<String, List<String>> traits) {
        User u = findByUsername(username).orElseThrow(() -> new NotFoundException("user \"" + username
                + "\" does not exist"));
        return put(new User(u.id(), u.username(), u.passwordHash(), roles, traits, u.totpSecret(), u.failedLogins(),
                u.lockedUntil(), u.createdAt(), now));
    }

    @Override
    public boolean delete(String username) {
        return users.remove(username) != null;
    }

    @Override
    public void setPasswordHash(String username, String passwordHash) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setTotpSecret(String username, byte[] encryptedSecret) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean claimTotpStep(String username, long step) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int recordLoginFailure(String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void lockUntil(String username, Instant until) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clearLoginFailures(String username) {
        throw new UnsupportedOperationException();
    }
}
