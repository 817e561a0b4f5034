package org.mezite.rbac.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicy.SessionTermination;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.access.SessionTerminator;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's access policy: the roles and the locks in force, read from the store every second on one daemon thread,
 * and the sessions ended through {@link SessionTerminator} in the last ten minutes, kept in memory. A new policy is
 * published only when its content changed; its revision is a digest of that content, so the same content always has
 * the same revision, also after a restart and on another hub (agents compare the revision of their cached policy).
 * The agent has no store: there this component never activates.
 */
@Component(service = {AccessPolicySource.class, SessionTerminator.class})
public final class StoreAccessPolicySource implements AccessPolicySource, SessionTerminator {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAccessPolicySource.class);

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration TERMINATIONS_KEPT = Duration.ofMinutes(10);

    private final RoleRepository roles;
    private final LockRepository locks;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<AccessPolicy>> listeners = new CopyOnWriteArrayList<>();
    /** Ended sessions by id with when they were ended, oldest first; guarded by itself. */
    private final Map<String, Ended> terminations = new LinkedHashMap<>();

    private volatile AccessPolicy current = AccessPolicy.EMPTY;
    /** Whether the last read from the store failed, so that a failing store is logged once, not every second. */
    private boolean failing;

    @Activate
    public StoreAccessPolicySource(@Reference RoleRepository roles, @Reference LockRepository locks) {
        this(roles, locks, Clock.systemUTC(), POLL_INTERVAL);
    }

    /** @param interval how often the store is read; tests pass a long one and call {@link #poll()} themselves */
    StoreAccessPolicySource(RoleRepository roles, LockRepository locks, Clock clock, Duration interval) {
        this.roles = roles;
        this.locks = locks;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mezite-access-policy");
            thread.setDaemon(true);
            return thread;
        });
        poll(); // the first policy before anyone asks
        scheduler.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        listeners.clear();
    }

    @Override
    public AccessPolicy current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
        Objects.requireNonNull(listener, "listener");
        Subscription subscription = new Subscription(listener);
        // on the scheduler's thread, so that the first call comes before any later policy
        scheduler.execute(() -> {
            if (!subscription.closed) {
                listeners.add(subscription);
                deliver(subscription, current);
            }
        });
        return subscription;
    }

    @Override
    public void terminate(String sessionId, String message) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        synchronized (terminations) {
            terminations.remove(sessionId);
            terminations.put(sessionId, new Ended(message, clock.instant()));
        }
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::poll); // nodes should hear of it now, not within the next second
        }
    }

    /** Reads the store and publishes a new policy when anything changed. Never throws. */
    synchronized void poll() {
        try {
            Instant now = clock.instant();
            List<Role> roleList = roles.list();
            List<Lock> lockList = locks.listActive(now);
            if (failing) {
                LOG.info("Reading roles and locks from the store works again");
                failing = false;
            }
            AccessPolicy next = policy(roleList, lockList, terminations(now));
            if (next.revision() != current.revision()) {
                current = next;
                LOG.debug("Access policy revision {}: {} roles, {} locks, {} ended sessions", next.revision(),
                        roleList.size(), lockList.size(), next.terminatedSessions().size());
                for (Consumer<AccessPolicy> listener : listeners) {
                    deliver(listener, next);
                }
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Cannot read roles and locks from the store; decisions keep the policy of revision {}: {}",
                        current.revision(), e.toString());
                failing = true;
            }
        }
    }

    private static void deliver(Consumer<AccessPolicy> listener, AccessPolicy policy) {
        try {
            listener.accept(policy);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("An access policy subscriber failed on revision {}", policy.revision(), e);
        }
    }

    private List<SessionTermination> terminations(Instant now) {
        Instant oldest = now.minus(TERMINATIONS_KEPT);
        List<SessionTermination> kept = new ArrayList<>();
        synchronized (terminations) {
            for (Iterator<Map.Entry<String, Ended>> it = terminations.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Ended> entry = it.next();
                if (entry.getValue().at().isBefore(oldest)) {
                    it.remove();
                } else {
                    kept.add(new SessionTermination(entry.getKey(), entry.getValue().message()));
                }
            }
        }
        return kept;
    }

    static AccessPolicy policy(List<Role> roles, List<Lock> locks, List<SessionTermination> terminated) {
        return new AccessPolicy(revision(roles, locks, terminated), roles, locks, terminated);
    }

    /** A digest of what decisions depend on (never 0, the revision of the empty policy received before any). */
    static long revision(List<Role> roles, List<Lock> locks, List<SessionTermination> terminated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(roles.size());
            for (Role role : roles) {
                write(out, role.name());
                write(out, role.spec());
            }
            out.writeInt(locks.size());
            for (Lock lock : locks) {
                write(out, lock.id());
                write(out, lock.target().kind().id());
                write(out, lock.target().value());
                write(out, lock.message());
                write(out, lock.expiresAt() == null ? null : lock.expiresAt().toString());
                write(out, lock.createdBy());
                write(out, lock.createdAt() == null ? null : lock.createdAt().toString());
            }
            out.writeInt(terminated.size());
            for (SessionTermination termination : terminated) {
                write(out, termination.sessionId());
                write(out, termination.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long revision = ByteBuffer.wrap(sha256(bytes.toByteArray())).getLong();
        return revision == 0 ? 1 : revision;
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Ended(String message, Instant at) {
    }

    /** A listener and its handle; closing it removes the listener, also before its first call. */
    private final class Subscription implements Consumer<AccessPolicy>, AutoCloseable {

        private final Consumer<AccessPolicy> listener;
        private volatile boolean closed;

        Subscription(Consumer<AccessPolicy> listener) {
            this.listener = listener;
        }

        @Override
        public void accept(AccessPolicy policy) {
            if (!closed) {
                listener.accept(policy);
            }
        }

        @Override
        public void close() {
            closed = true;
            listeners.remove(this);
        }
    }
}
