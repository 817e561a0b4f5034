package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/** Checks shared by the hub tests. */
final class HubChecks {

    private HubChecks() {
    }

    /** The standard gRPC health check on the Auth port, as a load balancer or grpc_health_probe would call it. */
    static HealthCheckResponse.ServingStatus authHealth(int port) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().build()).getStatus();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static void assertServing(Mezhub hub) throws InterruptedException {
        assertThat(authHealth(hub.authPort)).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    /** The schema version line of mezite:status, e.g. "1". */
    static String schemaVersion(String status) {
        return status.lines().filter(l -> l.startsWith("Schema:")).findFirst()
                .map(l -> l.replace("Schema:", "").replace("version", "").trim()).orElse("");
    }
}
