package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/** Checks shared by the hub tests. */
final class HubChecks {

    private HubChecks() {
    }

    /**
     * The standard gRPC health check on the Auth port, as a load balancer or grpc_health_probe would call it: over TLS
     * (Auth speaks nothing else) without a client certificate, which health checks do not need. The server's
     * certificate is not checked here; the join tests check it against the cluster's CA.
     */
    static HealthCheckResponse.ServingStatus authHealth(int port) throws InterruptedException, SSLException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port)
                .sslContext(GrpcSslContexts.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build())
                .build();
        try {
            return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().build()).getStatus();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Asserts that Auth answers its health check with SERVING, giving it up to a minute to come back: Auth's listener
     * restarts with the CA, and so with the store, a moment after {@code mezite:status} can already say healthy.
     */
    static void assertServing(Mezhub hub) throws InterruptedException, SSLException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        HealthCheckResponse.ServingStatus status;
        String failure = "";
        while (true) {
            try {
                status = authHealth(hub.authPort);
            } catch (StatusRuntimeException e) {
                status = null;
                failure = e.getStatus().toString();
            }
            if (status == HealthCheckResponse.ServingStatus.SERVING || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status).as(failure).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    /** The schema version line of mezite:status, e.g. "1". */
    static String schemaVersion(String status) {
        return status.lines().filter(l -> l.startsWith("Schema:")).findFirst()
                .map(l -> l.replace("Schema:", "").replace("version", "").trim()).orElse("");
    }
}
