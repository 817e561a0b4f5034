package org.mezite.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.access.SessionTerminator;
import org.mezite.api.store.Session;
import org.mezite.api.store.SessionRepository;

/** Sessions in a map, and a terminator that notes what it was asked to end. */
final class InMemorySessions implements SessionRepository, SessionTerminator {

    final Map<String, Session> sessions = new LinkedHashMap<>();
    final List<String> terminated = new ArrayList<>();

    @Override
    public Session create(Session session) {
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Session end(String id, Instant endedAt) {
        Session s = sessions.get(id);
        Session ended = new Session(s.id(), s.type(), s.username(), s.login(), s.nodeId(), s.clientAddr(),
                s.recordingPath(), s.startedAt(), endedAt);
        sessions.put(id, ended);
        return ended;
    }

    @Override
    public void setRecordingPath(String id, String recordingPath) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Session> findById(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public List<Session> listActive() {
        return sessions.values().stream().filter(Session::active).toList();
    }

    @Override
    public List<Session> listStarted(Instant from, Instant to, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void terminate(String sessionId, String message) {
        terminated.add(sessionId + ": " + message);
    }
}
