package org.mezite.auth.internal.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;
import org.mezite.api.store.SessionRepository;

/** The sessions table in memory, refusing what the real one refuses. */
public class InMemorySessionRepository implements SessionRepository {

    private final Map<String, Session> rows = new LinkedHashMap<>();
    /** When set, every write fails with it: a store that is down. */
    public volatile RuntimeException failure;

    @Override
    public synchronized Session create(Session session) {
        failIfAsked();
        if (rows.containsKey(session.id())) {
            throw new ConflictException("session " + session.id() + " already exists");
        }
        rows.put(session.id(), session);
        return session;
    }

    @Override
    public synchronized Session end(String id, Instant endedAt) {
        failIfAsked();
        Session old = rows.get(id);
        if (old == null) {
            throw new NotFoundException("session " + id + " does not exist");
        }
        Session ended = new Session(old.id(), old.type(), old.username(), old.login(), old.nodeId(),
                old.clientAddr(), old.recordingPath(), old.startedAt(), endedAt);
        rows.put(id, ended);
        return ended;
    }

    @Override
    public synchronized void setRecordingPath(String id, String recordingPath) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Optional<Session> findById(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<Session> listActive() {
        return rows.values().stream().filter(Session::active).sorted(Comparator.comparing(Session::startedAt))
                .toList();
    }

    @Override
    public synchronized List<Session> listStarted(Instant from, Instant to, int limit) {
        throw new UnsupportedOperationException();
    }

    public synchronized List<Session> all() {
        return List.copyOf(rows.values());
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
