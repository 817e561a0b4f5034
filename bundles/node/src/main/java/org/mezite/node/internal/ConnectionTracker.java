package org.mezite.node.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets each new connection up (its origin, the node's current identity) and keeps it among the live connections until
 * it closes, hands it to {@link LiveAccess} once authenticated, closes it when the user's certificate expires, and
 * records a failed authentication once the connection ends without one that succeeded.
 */
final class ConnectionTracker implements SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTracker.class);

    private final NodeIdentities identities;
    private final ConnectionOrigins origins;
    private final NodeAudit audit;
    private final LiveConnections live;
    private final LiveAccess access;
    private final Clock clock;
    private volatile int tunnelPort = -1;

    ConnectionTracker(NodeIdentities identities, ConnectionOrigins origins, NodeAudit audit, LiveConnections live,
            LiveAccess access, Clock clock) {
        this.identities = identities;
        this.origins = origins;
        this.audit = audit;
        this.live = live;
        this.access = access;
        this.clock = clock;
    }

    /** The loopback port the tunnel's connections arrive on. */
    void tunnelPort(int port) {
        tunnelPort = port;
    }

    @Override
    public void sessionCreated(Session session) {
        IoSession io = session.getIoSession();
        Origin origin = origin(io.getAcceptanceAddress(), io.getRemoteAddress());
        NodeIdentity identity;
        try {
            identity = identities.current();
        } catch (RuntimeException e) {
            // MINA closes the connection; without this the reason would be lost in its debug log
            LOG.error("refusing an SSH connection from {}: the node's credentials cannot be used: {}", origin.host(),
                    e.getMessage());
            throw e;
        }
        Connection connection = new Connection(origin, identity);
        Connection.attach(session, connection);
        live.add(session, connection);
    }

    private Origin origin(SocketAddress acceptedOn, SocketAddress peer) {
        InetSocketAddress remote = peer instanceof InetSocketAddress inet ? inet
                : new InetSocketAddress("0.0.0.0", 0);
        if (acceptedOn instanceof InetSocketAddress local && local.getPort() == tunnelPort) {
            Origin announced = origins.claim(remote.getPort());
            if (announced != null) {
                return announced;
            }
        }
        return Origin.direct(remote);
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        if (event != Event.Authenticated) {
            return;
        }
        Connection connection = Connection.of(session);
        if (connection == null || !connection.isAuthenticated()) {
            return;
        }
        access.admitted(session, connection);
        // Always, whatever the roles' disconnect_expired_cert says: the certificate is all this node knows of the user
        // (there is no session to renew here), so a connection that outlived it would run on access nobody vouches for
        // any more. The option can only ask for this, and this is already the strictest behaviour.
        Instant expires = connection.user().validBefore();
        if (expires.equals(Instant.MAX)) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), expires).toMillis());
        ScheduledExecutorService scheduler = session.getFactoryManager().getScheduledExecutorService();
        connection.expiry(scheduler.schedule(() -> expire(session, expires), delay, TimeUnit.MILLISECONDS));
    }

    private static void expire(Session session, Instant expired) {
        try {
            LOG.info("closing {}'s connection: the certificate expired at {}",
                    Connection.of(session).user().username(), expired);
            session.disconnect(SshConstants.SSH2_DISCONNECT_BY_APPLICATION, "mezd: your certificate expired at "
                    + expired + "; log in again (msh login) and reconnect");
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot disconnect on expiry: {}", e.toString());
            session.close(true);
        }
    }

    @Override
    public void sessionClosed(Session session) {
        live.remove(session);
        Connection connection = Connection.of(session);
        if (connection == null) {
            return;
        }
        connection.close();
        Connection.AuthFailure failure = connection.authFailure();
        if (!connection.isAuthenticated() && !connection.wasRejected() && failure != null) {
            audit.authFailed(connection, failure);
        }
    }
}
