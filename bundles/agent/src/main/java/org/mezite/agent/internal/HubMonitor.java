package org.mezite.agent.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.DatabaseStatus;
import org.mezite.proto.auth.v1.GetStatusRequest;
import org.mezite.proto.auth.v1.GetStatusResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * Asks the hub's Auth service for its health and status at a fixed period and reports each change of what it sees,
 * so that the log says when the hub went away and when it came back, not every few seconds that it is still there.
 * Plaintext until the agent joins and holds a certificate.
 */
final class HubMonitor implements AutoCloseable {

    /** What one check saw. */
    record Observation(boolean reachable, String text) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HubMonitor.class);
    private static final long CALL_DEADLINE_SECONDS = 5;

    private final HostPort hub;
    private final Consumer<Observation> changes;
    private final ManagedChannel channel;
    private final ScheduledExecutorService scheduler;
    /** Only touched on the scheduler's thread. */
    private Observation last;

    private HubMonitor(HostPort hub, Consumer<Observation> changes) {
        this.hub = hub;
        this.changes = changes;
        this.channel = NettyChannelBuilder.forAddress(hub.host(), hub.port()).usePlaintext().build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mezd-hub-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Checks now and then every {@code period}.
     *
     * @param changes told each observation that differs from the one before, on the monitor's thread
     */
    static HubMonitor start(HostPort hub, Duration period, Consumer<Observation> changes) {
        HubMonitor monitor = new HubMonitor(hub, changes);
        monitor.scheduler.scheduleWithFixedDelay(monitor::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** Logs reachability at INFO and its loss at WARN. */
    static void log(Observation observation) {
        if (observation.reachable()) {
            LOG.info(observation.text());
        } else {
            LOG.warn(observation.text());
        }
    }

    private void check() {
        Observation now = observe();
        if (!now.equals(last)) {
            last = now;
            try {
                changes.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("reporting a hub observation failed", e);
            }
        }
    }

    private Observation observe() {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            // don't sit out gRPC's reconnect back-off (up to two minutes): a hub that is back should be seen now
            channel.resetConnectBackoff();
        }
        try {
            ServingStatus health = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus();
            if (health != ServingStatus.SERVING) {
                return new Observation(false, "hub " + hub + " is not serving (health " + health + ")");
            }
            GetStatusResponse status = AuthServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .getStatus(GetStatusRequest.getDefaultInstance());
            return new Observation(true, "hub " + hub + " reachable: cluster " + status.getClusterName()
                    + ", version " + status.getVersion() + ", " + describe(status.getDatabase()));
        } catch (StatusRuntimeException e) {
            return new Observation(false, "hub " + hub + " unreachable: " + describe(e));
        }
    }

    private static String describe(DatabaseStatus database) {
        String kind = switch (database.getKind()) {
            case DATABASE_KIND_SQLITE -> "sqlite";
            case DATABASE_KIND_POSTGRESQL -> "postgresql";
            default -> "unknown";
        };
        if (!database.getHealthy()) {
            return "database " + kind + " unhealthy: " + database.getError();
        }
        return "database " + kind + " schema " + database.getSchemaVersion() + " healthy";
    }

    private static String describe(StatusRuntimeException e) {
        StringBuilder text = new StringBuilder(e.getStatus().getCode().name());
        if (e.getStatus().getDescription() != null) {
            text.append(": ").append(e.getStatus().getDescription());
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause != null && cause.getMessage() != null) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        channel.shutdownNow();
        try {
            scheduler.awaitTermination(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
            channel.awaitTermination(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
