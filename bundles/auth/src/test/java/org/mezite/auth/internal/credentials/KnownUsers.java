package org.mezite.auth.internal.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;

/** Users the test adds, found by name; the issuer only reads, so everything else is left out. */
final class KnownUsers implements UserRepository {

    private final Map<String, User> users = new ConcurrentHashMap<>();

    KnownUsers add(String username, List<String> roles, List<String> logins) {
        return add(username, roles, logins.isEmpty() ? Map.of() : Map.of(User.LOGINS_TRAIT, logins));
    }

    KnownUsers add(String username, List<String> roles, Map<String, List<String>> traits) {
        Instant now = Instant.now();
        users.put(username, new User(UUID.randomUUID().toString(), username, null, roles, traits, null, 0, null,
                now, now));
        return this;
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public User create(String username, List<String> roles, Map<String, List<String>> traits) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<User> findById(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<User> list() {
        throw new UnsupportedOperationException();
    }

    @Override
    public User update(String username, List<String> roles, Map<String, List<String>> traits) {
        throw new UnsupportedOperationException();
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

    @Override
    public boolean delete(String username) {
        throw new UnsupportedOperationException();
    }
}
