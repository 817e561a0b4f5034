package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.session.ServerSession;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.SshUser;
import org.mezite.api.store.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks at the proxy. A user locked when they log in is refused ({@link #lockAtLogin}); and whenever the access
 * policy changes, every authenticated connection is asked about again, for its user alone and for each node it
 * reaches ({@link AccessChecker#lockFor}). A connection a lock applies to ends: each msh channel on it gets the lock's
 * message on its standard error, then the connection is disconnected with the message (which {@code ssh -J} prints),
 * and the proxy audits {@code lock.enforced}. The node's agent ends its sessions on its own as well.
 */
final class LockEnforcement implements Consumer<AccessPolicy>, SessionListener {

    /** How long the msh channels get to receive the message before the connection goes. */
    static final Duration TELL_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(LockEnforcement.class);

    private final AccessChecker access;
    private final ProxyAudit audit;
    private final Executor executor;
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweepQueued = new AtomicBoolean();

    /** @param executor where connections are checked: never the policy source's thread, which must not block */
    LockEnforcement(AccessChecker access, ProxyAudit audit, Executor executor) {
        this.access = access;
        this.audit = audit;
        this.executor = executor;
    }

    /**
     * The lock that keeps this user out, if any: one on the user or one of their roles (a lock on a login or a node
     * is for the access check when they ask for one).
     *
     * @throws IllegalStateException saying so when locks cannot be checked: then nobody gets in
     */
    Optional<Lock> lockAtLogin(SshUser user) {
        try {
            return access.lockFor(user, null, null);
        } catch (RuntimeException e) {
            LOG.error("proxy-ssh: cannot check the locks on {}; refusing them", user.username(), e);
            throw new IllegalStateException("the proxy cannot check locks (internal error, see the hub's log)", e);
        }
    }

    /** A new policy: checks every connection, on the executor; policies arriving meanwhile share one check. */
    @Override
    public void accept(AccessPolicy policy) {
        if (!sweepQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                sweepQueued.set(false);
                sweep();
            });
        } catch (RejectedExecutionException e) {
            sweepQueued.set(false); // the proxy is stopping
        }
    }

    /** Checks every authenticated connection now. */
    void sweep() {
        for (ServerSession session : sessions) {
            SshUser user = session.getAttribute(ProxySessions.USER);
            if (user == null || !session.isOpen()) {
                continue;
            }
            try {
                check(session, user);
            } catch (RuntimeException e) {
                LOG.error("proxy-ssh: cannot check the locks on {}'s connection from {}", user.username(),
                        ProxySessions.clientAddress(session), e);
            }
        }
    }

    private void check(ServerSession session, SshUser user) {
        Optional<Lock> lock = access.lockFor(user, null, null);
        LiveRoutes.Target at = null;
        if (lock.isEmpty()) {
            for (LiveRoutes.Route route : ProxySessions.routes(session).list()) {
                LiveRoutes.Target target = route.target();
                if (target != null) {
                    lock = access.lockFor(user, target.login(), target.node());
                    if (lock.isPresent()) {
                        at = target;
                        break;
                    }
                }
            }
        }
        if (lock.isPresent()) {
            end(session, user, lock.get(), at);
        }
    }

    private void end(ServerSession session, SshUser user, Lock lock, LiveRoutes.Target at) {
        if (session.setAttribute(ProxySessions.LOCKED_OUT, Boolean.TRUE) != null) {
            return; // being ended already
        }
        String message = LockedException.describe(lock);
        String clientAddress = ProxySessions.clientAddress(session);
        LOG.info("proxy-ssh: closing {}'s connection from {}{}: {}", user.username(), clientAddress,
                at == null ? "" : " to node " + at.node().nodeName() + " (" + at.node().nodeId() + ")", message);
        audit.lockEnforced(user, lock, at == null ? null : at.login(), at == null ? null : at.node(), clientAddress,
                message);
        List<CompletableFuture<Void>> told = ProxySessions.routes(session).list().stream()
                .map(route -> route.tell(message)).toList();
        CompletableFuture.allOf(told.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, TELL_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, error) -> disconnect(session, message));
    }

    private static void disconnect(ServerSession session, String message) {
        try {
            session.disconnect(SshConstants.SSH2_DISCONNECT_BY_APPLICATION, ProxyCommand.PREFIX + message);
        } catch (IOException | RuntimeException e) {
            LOG.debug("proxy-ssh: cannot send the disconnect message to {}: {}", session, e.getMessage());
            session.close(true);
        }
    }

    @Override
    public void sessionCreated(Session session) {
        if (session instanceof ServerSession server) {
            sessions.add(server);
        }
    }

    @Override
    public void sessionClosed(Session session) {
        if (session instanceof ServerSession server) {
            sessions.remove(server);
        }
    }
}
