package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.agent.internal.HubSession.Observation;

import io.grpc.Status;

class HubSessionTest {

    /** Short so that the test doesn't wait; the agent follows the hub (10 s). */
    private static final Duration PERIOD = Duration.ofMillis(100);

    @TempDir
    Path dataDir;

    private final BlockingQueue<Observation> observations = new LinkedBlockingQueue<>();
    private final MutableClock clock = new MutableClock();
    private FakeHub hub;
    private IdentityStore store;
    private NodeIdentity identity;
    private HubSession session;

    @BeforeEach
    void join() throws Exception {
        hub = FakeHub.start();
        identity = new Joiner(hub.address(), hub.pin(), Clock.systemUTC()).join(FakeHub.TOKEN, "node-01", Map.of(),
                "0.1.0");
        store = new IdentityStore(dataDir);
        store.save(identity);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            session.close();
        }
        hub.close();
    }

    @Test
    void heartbeatsCarryTheNodesClientCertificateAndOnlyChangesAreReported() throws Exception {
        session = start();

        assertThat(next()).isEqualTo(new Observation(true, "hub " + hub.address()
                + " reachable: node node-01 (node-id-1) online in cluster " + FakeHub.CLUSTER));
        FakeHub.Heartbeat first = hub.heartbeats.poll(30, TimeUnit.SECONDS);
        assertThat(first).isEqualTo(new FakeHub.Heartbeat("node-id-1", "CN=node-id-1,O=node"));
        // more heartbeats, no news
        assertThat(hub.heartbeats.poll(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(observations).isEmpty();
    }

    @Test
    void reportsLossAndReturnOfTheHub() throws Exception {
        session = start();
        assertThat(next().reachable()).isTrue();

        hub.stop();
        Observation lost = next();
        assertThat(lost.reachable()).isFalse();
        assertThat(lost.text()).startsWith("hub " + hub.address() + " unreachable: UNAVAILABLE");

        hub.listen(hub.port());
        assertThat(next().reachable()).isTrue();
    }

    @Test
    void aRefusalIsReportedWithTheHubsReason() throws Exception {
        hub.refuseHeartbeats(Status.NOT_FOUND.withDescription("node node-id-1 is not registered"));

        session = start();

        assertThat(next()).isEqualTo(new Observation(false, "hub " + hub.address()
                + " refuses node node-01 (node-id-1): node node-id-1 is not registered (to join again: stop mezd, remove "
                + store.folder() + " and set a new token)"));
    }

    @Test
    void certificatesAreRenewedOnceAThirdOfTheirValidityIsLeftAndSaved() throws Exception {
        session = start();
        assertThat(next().reachable()).isTrue();
        assertThat(hub.renewals).isEmpty();

        clock.set(identity.renewalDue());

        assertThat(hub.renewals.poll(30, TimeUnit.SECONDS)).isEqualTo("CN=node-id-1,O=node");
        NodeIdentity saved = awaitSavedRenewal();
        assertThat(saved.tlsKey().getPrivate()).isEqualTo(identity.tlsKey().getPrivate());
        assertThat(saved.hostCertificate()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
    }

    private NodeIdentity awaitSavedRenewal() throws Exception {
        for (int i = 0; i < 300; i++) {
            NodeIdentity saved = store.load().orElseThrow();
            if (!saved.tlsCertificate().equals(identity.tlsCertificate())) {
                return saved;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("renewed certificates were not saved");
    }

    private HubSession start() {
        return HubSession.start(hub.address(), "node-01", identity, store, Optional.of(PERIOD), clock,
                observations::add);
    }

    private Observation next() throws InterruptedException {
        Observation observation = observations.poll(30, TimeUnit.SECONDS);
        assertThat(observation).as("an observation").isNotNull();
        return observation;
    }
}
