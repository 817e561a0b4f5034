package org.mezite.proto.osgi.consumer;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.GetStatusRequest;
import org.mezite.proto.auth.v1.GetStatusResponse;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.LoadBalancerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerProvider;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;

/**
 * Runs inside a bundle of its own that sees gRPC only through the packages org.mezite.proto exports: starts a server
 * on loopback, calls it through channels built both ways a Mezite bundle may build them, and reports what came back.
 */
public final class GrpcRoundTrip implements Callable<Map<String, String>> {

    @Override
    public Map<String, String> call() throws Exception {
        Map<String, String> results = new LinkedHashMap<>();
        HealthStatusManager health = new HealthStatusManager();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new FixedStatus())
                .addService(health.getHealthService())
                .build()
                .start();
        try {
            int port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
            results.put("server.provider", ServerProvider.provider().getClass().getName());
            results.put("lb.round_robin", String.valueOf(
                    LoadBalancerRegistry.getDefaultRegistry().getProvider("round_robin") != null));

            // Name resolver, channel provider and load balancer all found through ServiceLoader.
            call(results, "registry", Grpc.newChannelBuilder("dns:///127.0.0.1:" + port,
                    InsecureChannelCredentials.create()).build());
            call(results, "forAddress", ManagedChannelBuilder.forAddress("127.0.0.1", port)
                    .defaultLoadBalancingPolicy("round_robin").usePlaintext().build());
        } finally {
            server.shutdown();
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        }
        return results;
    }

    private static void call(Map<String, String> results, String how, ManagedChannel channel)
            throws InterruptedException {
        try {
            GetStatusResponse status = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getStatus(GetStatusRequest.getDefaultInstance());
            results.put(how + ".cluster", status.getClusterName());
            results.put(how + ".health", HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus().name());
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static final class FixedStatus extends AuthServiceGrpc.AuthServiceImplBase {
        @Override
        public void getStatus(GetStatusRequest request, StreamObserver<GetStatusResponse> response) {
            response.onNext(GetStatusResponse.newBuilder().setClusterName("osgi-it").build());
            response.onCompleted();
        }
    }
}
