package org.mezite.auth.local.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;

/** UserRepository in memory, with the store's messages and atomicity (every method is synchronized). */
final class InMemoryUsers implements UserRepository {

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Long> claimedSteps = new HashMap<>();
    private final Clock clock;
    /** Failed logins recorded for names that have no user, which the store answers with NotFoundException. */
    int failuresOfUnknownNames;

    InMemoryUsers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized User create(String username, List<String> roles, Map<String, List<String>> traits) {
        if (users.containsKey(username)) {
            throw new ConflictException("user \"" + username + "\" already exists");
        }
        Instant now = clock.instant();
        User user = new User(UUID.randomUUID().toString(), username, null, roles, traits, null, 0, null, now, now);
        users.put(username, user);
        return user;
    }

    @Override
    public synchronized Optional<User> findById(String id) {
        return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public synchronized Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public synchronized List<User> list() {
        List<User> all = new ArrayList<>(users.values());
        all.sort(Comparator.comparing(User::username));
        return all;
    }

    @Override
    public synchronized User update(String username, List<String> roles, Map<String, List<String>> traits) {
        User u = existing(username);
        return put(new User(u.id(), u.username(), u.passwordHash(), roles, traits, u.totpSecret(), u.failedLogins(),
                u.lockedUntil(), u.createdAt(), clock.instant()));
    }

    @Override
    public synchronized void setPasswordHash(String username, String passwordHash) {
        User u = existing(username);
        put(new User(u.id(), u.username(), passwordHash, u.roles(), u.traits(), u.totpSecret(), u.failedLogins(),
                u.lockedUntil(), u.createdAt(), clock.instant()));
    }

    @Override
    public synchronized void setTotpSecret(String username, byte[] encryptedSecret) {
        User u = existing(username);
        put(new User(u.id(), u.username(), u.passwordHash(), u.roles(), u.traits(), encryptedSecret,
                u.failedLogins(), u.lockedUntil(), u.createdAt(), clock.instant()));
    }

    @Override
    public synchronized boolean claimTotpStep(String username, long step) {
        existing(username);
        Long last = claimedSteps.get(username);
        if (last != null && last >= step) {
            return false;
        }
        claimedSteps.put(username, step);
        return true;
    }

    @Override
    public synchronized int recordLoginFailure(String username) {
        if (!users.containsKey(username)) {
            failuresOfUnknownNames++;
        }
        User u = existing(username);
        put(new User(u.id(), u.username(), u.passwordHash(), u.roles(), u.traits(), u.totpSecret(),
                u.failedLogins() + 1, u.lockedUntil(), u.createdAt(), clock.instant()));
        return u.failedLogins() + 1;
    }

    @Override
    public synchronized void lockUntil(String username, Instant until) {
        User u = existing(username);
        put(new User(u.id(), u.username(), u.passwordHash(), u.roles(), u.traits(), u.totpSecret(), u.failedLogins(),
                until, u.createdAt(), clock.instant()));
    }

    @Override
    public synchronized void clearLoginFailures(String username) {
        User u = existing(username);
        put(new User(u.id(), u.username(), u.passwordHash(), u.roles(), u.traits(), u.totpSecret(), 0, null,
                u.createdAt(), clock.instant()));
    }

    @Override
    public synchronized boolean delete(String username) {
        claimedSteps.remove(username);
        return users.remove(username) != null;
    }

    synchronized User get(String username) {
        return existing(username);
    }

    private User existing(String username) {
        User user = users.get(username);
        if (user == null) {
            throw new NotFoundException("user \"" + username + "\" does not exist");
        }
        return user;
    }

    private User put(User user) {
        users.put(user.username(), user);
        return user;
    }
}
