package org.mezite.agent.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.recording.RecordingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * The agent's access policy: what Auth sends on {@code NodeService.WatchAccessPolicy}, a stream kept open over the
 * node's mutual-TLS channel and opened again, after a jittered back-off from half a second up to 30 s, whenever it
 * ends. Each policy received is saved ({@link AccessPolicyCache}) and the saved one is loaded at start, so that a
 * restarted agent decides access while Auth cannot be reached; before either, the policy is
 * {@link AccessPolicy#EMPTY}, which allows nothing. The cluster's recording mode comes with each policy and is kept
 * (and saved) with it: {@code node} until a policy says otherwise.
 *
 * <p>One thread of its own handles the stream's events, the retries and the subscribers, in order: a subscriber hears
 * the current policy first and then each new one, and one that throws hears the next policy all the same.
 */
final class HubAccessPolicySource implements AccessPolicySource, AutoCloseable {

    /** Opens the stream from Auth, and gives what cancels it. */
    @FunctionalInterface
    interface Watch {
        Runnable open(StreamObserver<org.mezite.proto.auth.v1.AccessPolicy> observer);
    }

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final long CLOSE_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(HubAccessPolicySource.class);

    private final AccessPolicyCache cache;
    private final Watch watch;
    private final String hub;
    private final ScheduledThreadPoolExecutor thread;
    private volatile AccessPolicy current = AccessPolicy.EMPTY;
    private volatile RecordingMode recordingMode = RecordingMode.NODE;
    private volatile boolean closed;

    // on the source's thread only
    private final List<Subscription> subscriptions = new ArrayList<>();
    private org.mezite.proto.auth.v1.AccessPolicy currentWire;
    private long attempt;
    private Runnable cancel;
    private long streamOpenedAt;
    private boolean received;
    private Duration wait = FIRST_RETRY;
    private boolean away;
    private String lastSaveFailure;

    /**
     * Loads the saved policy, if there is a usable one; {@link #start()} then opens the stream.
     *
     * @param hub names Auth in the log
     */
    HubAccessPolicySource(AccessPolicyCache cache, Watch watch, String hub) {
        this.cache = cache;
        this.watch = watch;
        this.hub = hub;
        this.thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread worker = new Thread(task, "mezd-access-policy");
            worker.setDaemon(true);
            return worker;
        });
        // a retry waiting (up to 30 s) must not hold up stopping
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        load();
    }

    private void load() {
        try {
            Optional<org.mezite.proto.auth.v1.AccessPolicy> saved = cache.read();
            if (saved.isEmpty()) {
                LOG.info("access policy: none saved yet; nothing is allowed on this node until the hub sends one");
                return;
            }
            AccessPolicyMessages.Converted converted = AccessPolicyMessages.fromWire(saved.get());
            currentWire = saved.get();
            current = converted.policy();
            recordingMode = converted.recordingMode();
            LOG.info("access policy: revision {} loaded from {} ({}); it applies until the hub sends a newer one",
                    current.revision(), cache.file(), summary(current));
        } catch (IOException e) {
            LOG.warn("access policy: ignoring {}: {}; nothing is allowed on this node until the hub sends a policy",
                    cache.file(), e.getMessage());
        }
    }

    /** Opens the stream from Auth. */
    void start() {
        run(this::open);
    }

    @Override
    public AccessPolicy current() {
        return current;
    }

    /** The cluster's recording mode, as of the latest policy. */
    RecordingMode recordingMode() {
        return recordingMode;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
        Subscription subscription = new Subscription(listener);
        run(() -> {
            subscriptions.add(subscription);
            subscription.deliver(current);
        });
        return () -> {
            subscription.open = false;
            run(() -> subscriptions.remove(subscription));
        };
    }

    private void open() {
        if (closed) {
            return;
        }
        long id = ++attempt;
        streamOpenedAt = System.nanoTime();
        received = false;
        try {
            cancel = watch.open(new StreamObserver<>() {
                @Override
                public void onNext(org.mezite.proto.auth.v1.AccessPolicy policy) {
                    run(() -> received(id, policy));
                }

                @Override
                public void onError(Throwable error) {
                    run(() -> ended(id, error));
                }

                @Override
                public void onCompleted() {
                    run(() -> ended(id, null));
                }
            });
        } catch (RuntimeException e) {
            ended(id, e);
        }
    }

    private void received(long id, org.mezite.proto.auth.v1.AccessPolicy wire) {
        if (id != attempt || closed) {
            return; // from a stream given up
        }
        received = true;
        if (away) {
            away = false;
            LOG.info("access policy: receiving from hub {} again", hub);
        }
        if (wire.equals(currentWire)) {
            return; // what a new stream sends first, or a repeat
        }
        AccessPolicyMessages.Converted converted = AccessPolicyMessages.fromWire(wire);
        converted.skipped().forEach(skipped -> LOG.warn("access policy: revision {} from hub {}: left out {}",
                wire.getRevision(), hub, skipped));
        currentWire = wire;
        current = converted.policy();
        if (converted.recordingMode() != recordingMode) {
            LOG.info("recordings: the hub's recording mode is {} (was {})", converted.recordingMode().text(),
                    recordingMode.text());
            recordingMode = converted.recordingMode();
        }
        LOG.info("access policy: revision {} from hub {} ({})", current.revision(), hub, summary(current));
        save(wire);
        for (Subscription subscription : List.copyOf(subscriptions)) {
            subscription.deliver(current);
        }
    }

    private void save(org.mezite.proto.auth.v1.AccessPolicy wire) {
        try {
            cache.write(wire);
            lastSaveFailure = null;
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (!why.equals(lastSaveFailure)) {
                lastSaveFailure = why;
                LOG.warn("access policy: cannot save it in {} (a restart while the hub is away would allow nothing"
                        + " until the hub is back): {}", cache.file(), why);
            }
        }
    }

    private void ended(long id, Throwable error) {
        if (id != attempt || closed) {
            return;
        }
        cancel = null;
        boolean lasted = received
                && System.nanoTime() - streamOpenedAt >= LAST_RETRY.toNanos();
        if (lasted) {
            wait = FIRST_RETRY; // a stream that worked for a while: the hub restarted, try again soon
        }
        if (!away) {
            away = true;
            LOG.warn("access policy: the stream from hub {} {}; deciding from revision {} until it is back, trying"
                    + " again", hub, error == null ? "ended" : "failed: " + describe(error), current.revision());
        }
        Duration delay = jittered(wait);
        Duration doubled = wait.multipliedBy(2);
        wait = doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
        try {
            thread.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Between half and all of the wait, so that agents cut off together do not all come back at once. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("access policy: unexpected failure", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private static String describe(Throwable error) {
        return error instanceof StatusRuntimeException status ? HubSession.describe(status) : error.toString();
    }

    private static String summary(AccessPolicy policy) {
        return policy.roles().size() + " roles, " + policy.locks().size() + " locks, "
                + policy.terminatedSessions().size() + " ended sessions";
    }

    @Override
    public void close() {
        closed = true;
        run(() -> {
            subscriptions.forEach(subscription -> subscription.open = false);
            subscriptions.clear();
            if (cancel != null) {
                cancel.run();
            }
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A subscriber, called on the source's thread until its handle is closed. */
    private static final class Subscription {

        private final Consumer<AccessPolicy> listener;
        private volatile boolean open = true;

        Subscription(Consumer<AccessPolicy> listener) {
            this.listener = listener;
        }

        void deliver(AccessPolicy policy) {
            if (!open) {
                return;
            }
            try {
                listener.accept(policy);
            } catch (RuntimeException | LinkageError e) {
                // a subscriber's bug (or its bundle going away) must not stop the policy reaching the others
                LOG.warn("access policy: a subscriber failed on revision {}: {}", policy.revision(), e, e);
            }
        }
    }
}
