package org.mezite.auth.internal.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.JoinToken;
import org.mezite.api.store.JoinTokenRepository;

/** The join_tokens table in memory, with the store's atomic consume. */
public class InMemoryJoinTokenRepository implements JoinTokenRepository {

    private final Map<String, JoinToken> rows = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryJoinTokenRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized JoinToken create(String tokenHash, String type, Map<String, String> labels,
            Instant expiresAt) {
        if (rows.containsKey(tokenHash)) {
            throw new ConflictException("join token exists");
        }
        JoinToken token = new JoinToken(tokenHash, type, labels, expiresAt, null, clock.instant());
        rows.put(tokenHash, token);
        return token;
    }

    @Override
    public synchronized Optional<JoinToken> find(String tokenHash) {
        return Optional.ofNullable(rows.get(tokenHash));
    }

    @Override
    public synchronized List<JoinToken> list() {
        return rows.values().stream().sorted(Comparator.comparing(JoinToken::createdAt).reversed()).toList();
    }

    @Override
    public synchronized Optional<JoinToken> consume(String tokenHash, Instant now) {
        JoinToken token = rows.get(tokenHash);
        if (token == null || !token.usableAt(now)) {
            return Optional.empty();
        }
        JoinToken used = new JoinToken(token.tokenHash(), token.type(), token.labels(), token.expiresAt(), now,
                token.createdAt());
        rows.put(tokenHash, used);
        return Optional.of(used);
    }

    @Override
    public synchronized boolean delete(String tokenHash) {
        return rows.remove(tokenHash) != null;
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = rows.size();
        rows.values().removeIf(t -> !t.expiresAt().isAfter(now));
        return before - rows.size();
    }

    /** Every stored hash, to check what the table holds. */
    public synchronized List<String> hashes() {
        return List.copyOf(rows.keySet());
    }
}
