package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.agent.internal.HubMonitor.Observation;
import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.DatabaseKind;
import org.mezite.proto.auth.v1.DatabaseStatus;
import org.mezite.proto.auth.v1.GetStatusRequest;
import org.mezite.proto.auth.v1.GetStatusResponse;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;

class HubMonitorTest {

    /** Short so that the test doesn't wait; the agent uses {@link Agent#HUB_CHECK_PERIOD}. */
    private static final Duration PERIOD = Duration.ofMillis(100);

    private final BlockingQueue<Observation> observations = new LinkedBlockingQueue<>();
    private final HealthStatusManager health = new HealthStatusManager();
    private Server hub;
    private HubMonitor monitor;

    @AfterEach
    void stop() throws InterruptedException {
        if (monitor != null) {
            monitor.close();
        }
        if (hub != null) {
            hub.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void reportsTheHubReachableWithWhatItSaysAboutItself() throws Exception {
        int port = startHub(0);

        monitor = HubMonitor.start(new HostPort("127.0.0.1", port), PERIOD, observations::add);

        assertThat(next()).isEqualTo(new Observation(true, "hub 127.0.0.1:" + port
                + " reachable: cluster main, version 0.1.0, database sqlite schema 3 healthy"));
    }

    @Test
    void reportsOnlyChangesLossAndReturnOfTheHub() throws Exception {
        int port = startHub(0);
        monitor = HubMonitor.start(new HostPort("127.0.0.1", port), PERIOD, observations::add);
        assertThat(next().reachable()).isTrue();

        hub.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        Observation lost = next();
        assertThat(lost.reachable()).isFalse();
        assertThat(lost.text()).startsWith("hub 127.0.0.1:" + port + " unreachable: UNAVAILABLE");

        startHub(port);
        assertThat(next().reachable()).isTrue();
        // nothing changed since: no news
        assertThat(observations.poll(PERIOD.toMillis() * 5, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aHubThatIsUpButNotServingIsReportedAsSuch() throws Exception {
        int port = startHub(0);
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.NOT_SERVING);

        monitor = HubMonitor.start(new HostPort("127.0.0.1", port), PERIOD, observations::add);

        assertThat(next()).isEqualTo(new Observation(false,
                "hub 127.0.0.1:" + port + " is not serving (health NOT_SERVING)"));
    }

    @Test
    void aHubThatNeverAnsweredIsReportedUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        monitor = HubMonitor.start(new HostPort("127.0.0.1", port), PERIOD, observations::add);

        assertThat(next().text()).startsWith("hub 127.0.0.1:" + port + " unreachable: UNAVAILABLE")
                .contains("Connection refused");
    }

    private Observation next() throws InterruptedException {
        Observation observation = observations.poll(30, TimeUnit.SECONDS);
        assertThat(observation).as("an observation").isNotNull();
        return observation;
    }

    private int startHub(int port) throws IOException {
        hub = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .withOption(ChannelOption.SO_REUSEADDR, true)
                .addService(health.getHealthService())
                .addService(new AuthServiceGrpc.AuthServiceImplBase() {
                    @Override
                    public void getStatus(GetStatusRequest request, StreamObserver<GetStatusResponse> response) {
                        response.onNext(GetStatusResponse.newBuilder().setClusterName("main").setVersion("0.1.0")
                                .setDatabase(DatabaseStatus.newBuilder().setKind(DatabaseKind.DATABASE_KIND_SQLITE)
                                        .setSchemaVersion("3").setHealthy(true))
                                .build());
                        response.onCompleted();
                    }
                })
                .build().start();
        return ((InetSocketAddress) hub.getListenSockets().get(0)).getPort();
    }
}
