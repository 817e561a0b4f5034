package org.mezite.auth.local.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.Invite;
import org.mezite.api.store.InviteRepository;
import org.mezite.api.store.NotFoundException;

/** InviteRepository in memory, with the store's semantics: consume is atomic and refuses used or expired invites. */
final class InMemoryInvites implements InviteRepository {

    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final InMemoryUsers users;
    private final Clock clock;

    InMemoryInvites(InMemoryUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public synchronized Invite create(String tokenHash, String username, Instant expiresAt) {
        if (users.findByUsername(username).isEmpty()) {
            throw new NotFoundException("user \"" + username + "\" does not exist");
        }
        if (invites.containsKey(tokenHash)) {
            throw new ConflictException("invite already exists");
        }
        Invite invite = new Invite(tokenHash, username, expiresAt, null, clock.instant());
        invites.put(tokenHash, invite);
        return invite;
    }

    @Override
    public synchronized Optional<Invite> find(String tokenHash) {
        return Optional.ofNullable(invites.get(tokenHash));
    }

    @Override
    public synchronized List<Invite> listByUser(String username) {
        return invites.values().stream().filter(i -> i.username().equals(username))
                .sorted(Comparator.comparing(Invite::createdAt).reversed()).toList();
    }

    @Override
    public synchronized Optional<Invite> consume(String tokenHash, Instant now) {
        Invite invite = invites.get(tokenHash);
        if (invite == null || !invite.usableAt(now)) {
            return Optional.empty();
        }
        Invite used = new Invite(invite.tokenHash(), invite.username(), invite.expiresAt(), now, invite.createdAt());
        invites.put(tokenHash, used);
        return Optional.of(used);
    }

    @Override
    public synchronized int deleteByUser(String username) {
        int before = invites.size();
        invites.values().removeIf(i -> i.username().equals(username));
        return before - invites.size();
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = invites.size();
        invites.values().removeIf(i -> !i.expiresAt().isAfter(now));
        return before - invites.size();
    }

    synchronized List<Invite> all() {
        return List.copyOf(invites.values());
    }
}
