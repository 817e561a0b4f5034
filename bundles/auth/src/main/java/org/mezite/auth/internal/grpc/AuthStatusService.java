package org.mezite.auth.internal.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.StoreHealth;
import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.DatabaseStatus;
import org.mezite.proto.auth.v1.GetStatusRequest;
import org.mezite.proto.auth.v1.GetStatusResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Timestamp;

import io.grpc.stub.StreamObserver;

/** {@code mezite.auth.v1.AuthService}: what this Auth server is and whether its store answers. */
final class AuthStatusService extends AuthServiceGrpc.AuthServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(AuthStatusService.class);

    private final String clusterName;
    private final String version;
    private final DatabaseKind configuredKind;
    private final Clock clock;
    private final Supplier<StoreHealth> store;

    /**
     * @param configuredKind the database the settings name, reported while no store answers
     * @param store          the store's health check, or {@code null} while no store is registered
     */
    AuthStatusService(String clusterName, String version, DatabaseKind configuredKind, Clock clock,
            Supplier<StoreHealth> store) {
        this.clusterName = clusterName;
        this.version = version;
        this.configuredKind = configuredKind;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<GetStatusResponse> response) {
        Instant now = clock.instant();
        response.onNext(GetStatusResponse.newBuilder()
                .setClusterName(clusterName)
                .setVersion(version)
                .setServerTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setDatabase(database())
                .build());
        response.onCompleted();
    }

    private DatabaseStatus database() {
        StoreHealth health = store.get();
        if (health == null) {
            return unhealthy("store not available");
        }
        try {
            org.mezite.api.store.DatabaseStatus status = health.check();
            return DatabaseStatus.newBuilder()
                    .setKind(kind(status.kind()))
                    .setSchemaVersion(status.schemaVersion() == null ? "" : status.schemaVersion())
                    .setHealthy(status.healthy())
                    .setError(status.error() == null ? "" : status.error())
                    .build();
        } catch (RuntimeException e) {
            LOG.warn("store health check failed", e);
            return unhealthy("store health check failed: " + e.getMessage());
        }
    }

    private DatabaseStatus unhealthy(String error) {
        return DatabaseStatus.newBuilder().setKind(kind(configuredKind.configName())).setHealthy(false)
                .setError(error).build();
    }

    private static org.mezite.proto.auth.v1.DatabaseKind kind(String configName) {
        if (DatabaseKind.SQLITE.configName().equals(configName)) {
            return org.mezite.proto.auth.v1.DatabaseKind.DATABASE_KIND_SQLITE;
        }
        if (DatabaseKind.POSTGRESQL.configName().equals(configName)) {
            return org.mezite.proto.auth.v1.DatabaseKind.DATABASE_KIND_POSTGRESQL;
        }
        return org.mezite.proto.auth.v1.DatabaseKind.DATABASE_KIND_UNSPECIFIED;
    }
}
