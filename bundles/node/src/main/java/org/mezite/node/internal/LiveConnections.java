package org.mezite.node.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.apache.sshd.common.session.Session;

/** The connections the server has open now, each with what it knows about it. */
final class LiveConnections {

    private final Map<Session, Connection> live = new ConcurrentHashMap<>();

    void add(Session session, Connection connection) {
        live.put(session, connection);
    }

    void remove(Session session) {
        live.remove(session);
    }

    /** Visits every open connection; one that opens or closes meanwhile may or may not be visited. */
    void forEach(BiConsumer<Session, Connection> visitor) {
        live.forEach(visitor);
    }
}
