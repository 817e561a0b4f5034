package org.mezite.node.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.store.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps live connections within the current access policy. When a connection has authenticated, its role options
 * take effect (the idle timeout) and the locks are looked at once more (a lock may have come while it authenticated).
 * On every new policy: each connection's options follow it; a connection that a lock now covers (its user, one of
 * their roles, its login or this node) ends with the lock's message; and a session an administrator terminated ends
 * with theirs. The user reads the message on the terminal (stderr without one) before the session closes. The work
 * runs on the server's threads, never on the policy source's, and a burst of policies is enforced once, the latest.
 */
final class LiveAccess implements Consumer<AccessPolicy> {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAccess.class);
    /** How long the sessions of a connection being ended may take to close before the connection is cut anyway. */
    private static final long SESSIONS_CLOSE_MILLIS = 2000;
    static final String TERMINATED = "your session was ended by an administrator";

    private final AccessChecker access;
    private final LiveConnections connections;
    private final NodeAudit audit;
    private final Optional<Duration> nodeIdleTimeout;
    private final Executor executor;
    private final AtomicReference<AccessPolicy> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /**
     * @param nodeIdleTimeout the node's own {@code client_idle_timeout}, which roles can only shorten
     */
    LiveAccess(AccessChecker access, LiveConnections connections, NodeAudit audit,
            Optional<Duration> nodeIdleTimeout, Executor executor) {
        this.access = access;
        this.connections = connections;
        this.audit = audit;
        this.nodeIdleTimeout = nodeIdleTimeout;
        this.executor = executor;
    }

    /**
     * The idle timeout a connection runs with: the shorter of the node's and the roles' ({@code client_idle_timeout}),
     * empty when neither sets one.
     */
    static Optional<Duration> idleTimeout(Optional<Duration> node, Duration roles) {
        Optional<Duration> role = Optional.ofNullable(roles).filter(d -> !d.isNegative() && !d.isZero());
        if (node.isEmpty()) {
            return role;
        }
        if (role.isEmpty()) {
            return node;
        }
        return Optional.of(node.get().compareTo(role.get()) <= 0 ? node.get() : role.get());
    }

    /** A new policy: enforced on the server's threads shortly after. */
    @Override
    public void accept(AccessPolicy policy) {
        pending.set(policy);
        schedule();
    }

    private void schedule() {
        if (pending.get() != null && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false); // the server is stopping
            }
        }
    }

    private void drain() {
        try {
            for (AccessPolicy policy; (policy = pending.getAndSet(null)) != null;) {
                enforce(policy);
            }
        } finally {
            draining.set(false);
            schedule(); // a policy that came after the loop looked
        }
    }

    /** The connection has just authenticated (MINA's thread): its options apply, and a lock ends it at once. */
    void admitted(Session session, Connection connection) {
        try {
            applyIdleTimeout(session, connection.options());
            endIfLocked(session, connection);
        } catch (RuntimeException e) {
            LOG.warn("cannot apply the access policy to {}'s new connection: {}", connection.user().username(),
                    e.toString());
        }
    }

    private void enforce(AccessPolicy policy) {
        Map<String, String> terminated = new HashMap<>();
        for (AccessPolicy.SessionTermination termination : policy.terminatedSessions()) {
            terminated.put(termination.sessionId(), termination.message().isBlank() ? TERMINATED
                    : termination.message());
        }
        connections.forEach((session, connection) -> {
            if (!connection.isAuthenticated() || connection.endReason() != null) {
                return;
            }
            try {
                if (endIfLocked(session, connection)) {
                    return;
                }
                SessionOptions options = access.sessionOptions(connection.user(), connection.identity().target());
                connection.options(options);
                applyIdleTimeout(session, options);
            } catch (RuntimeException e) {
                LOG.warn("cannot apply access policy {} to {}'s connection: {}", policy.revision(),
                        connection.user().username(), e.toString());
            }
            String whole = terminated.get(connection.id());
            if (whole != null) {
                endConnection(session, connection, whole);
                return;
            }
            for (NodeChannelSession channel : connection.sessions()) {
                String message = terminated.get(channel.sessionId());
                if (message != null) {
                    LOG.info("ending session {} of {} as {}: {}", channel.sessionId(), connection.user().username(),
                            connection.login(), message);
                    run(() -> channel.end(message));
                }
            }
        });
    }

    /** @return whether a lock covers the connection, which is then being ended */
    private boolean endIfLocked(Session session, Connection connection) {
        Optional<Lock> lock = access.lockFor(connection.user(), connection.login(), connection.identity().target());
        lock.ifPresent(l -> endConnection(session, connection, LockedException.describe(l)));
        return lock.isPresent();
    }

    /**
     * Ends every session of the connection with the reason, each told and hung up in parallel, then disconnects it
     * with the reason once they closed (or after a short while, for a client that does not take part).
     */
    private void endConnection(Session session, Connection connection, String reason) {
        if (!connection.ending(reason)) {
            return;
        }
        LOG.info("ending {}'s connection as {}: {}", connection.user().username(), connection.login(), reason);
        audit.rejected(connection, connection.user(), connection.login(), connection.id(), reason);
        run(() -> {
            List<NodeChannelSession> channels = connection.sessions();
            CountDownLatch closed = new CountDownLatch(channels.size());
            for (NodeChannelSession channel : channels) {
                channel.addCloseFutureListener(future -> closed.countDown());
                run(() -> channel.end(reason));
            }
            try {
                closed.await(SESSIONS_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            disconnect(session, "mezd: " + reason);
        });
    }

    private static void disconnect(Session session, String message) {
        try {
            session.disconnect(SshConstants.SSH2_DISCONNECT_BY_APPLICATION, message);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot disconnect cleanly: {}", e.toString());
            session.close(true);
        }
    }

    private void applyIdleTimeout(Session session, SessionOptions options) {
        Optional<Duration> idle = idleTimeout(nodeIdleTimeout, options == null ? null : options.clientIdleTimeout());
        CoreModuleProperties.IDLE_TIMEOUT.set(session, idle.orElse(Duration.ZERO));
    }

    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("the node's SSH server is stopping: {}", e.toString());
        }
    }
}
