package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicy.SessionTermination;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.Role;

import com.google.protobuf.Timestamp;

/** The agent's access policy from a real gRPC NodeService over mutual TLS on loopback, and its copy on disk. */
class HubAccessPolicySourceTest {

    private static final Instant CREATED = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2030-01-02T10:00:00Z");
    private static final String DEV_YAML = "kind: role\nversion: v1\nmetadata: {name: dev}\n";

    @TempDir
    Path dataDir;

    private final BlockingQueue<AccessPolicy> received = new LinkedBlockingQueue<>();
    private FakeHub hub;
    private HubSession session;
    private AccessPolicyCache cache;
    private HubAccessPolicySource source;

    @BeforeEach
    void join() throws Exception {
        hub = FakeHub.start();
        NodeIdentity identity = new Joiner(hub.address(), hub.pin(), Clock.systemUTC()).join(FakeHub.TOKEN,
                "node-01", Map.of(), "0.1.0");
        IdentityStore store = new IdentityStore(dataDir);
        store.save(identity);
        session = HubSession.start(hub.address(), "node-01", identity, store, Optional.of(Duration.ofSeconds(10)),
                Clock.systemUTC(), observation -> { });
        cache = new AccessPolicyCache(dataDir);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (source != null) {
            source.close();
        }
        session.close();
        hub.close();
    }

    @Test
    void policiesFromAuthReachSubscribersAndAreSavedForTheOwnerOnly() throws Exception {
        hub.publishPolicy(wire(1, "it was a test"));
        source = newSource();
        source.subscribe(received::add);
        assertThat(next()).isEqualTo(AccessPolicy.EMPTY); // nothing received or saved yet: nothing allowed

        source.start();

        assertThat(next()).isEqualTo(expected(1, "it was a test"));
        assertThat(hub.watches.poll(30, TimeUnit.SECONDS))
                .isEqualTo(new FakeHub.Heartbeat("node-id-1", "CN=node-id-1,O=node"));
        hub.publishPolicy(wire(2, "second"));
        assertThat(next()).isEqualTo(expected(2, "second"));
        assertThat(source.current()).isEqualTo(expected(2, "second"));
        assertThat(Files.getPosixFilePermissions(cache.file()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(cache.read()).contains(wire(2, "second"));
    }

    @Test
    void theStreamIsOpenedAgainAfterTheHubWasAwayAndAFailingSubscriberHarmsNoOne() throws Exception {
        hub.publishPolicy(wire(1, "first"));
        source = newSource();
        source.subscribe(policy -> {
            throw new IllegalStateException("a subscriber's bug");
        });
        source.subscribe(received::add);
        source.start();
        assertThat(next()).isEqualTo(AccessPolicy.EMPTY);
        assertThat(next()).isEqualTo(expected(1, "first"));
        assertThat(hub.watches.poll(30, TimeUnit.SECONDS)).isNotNull();

        hub.stop();
        hub.listen(hub.port());

        // the new stream starts with the same policy, which subscribers have already heard
        assertThat(hub.watches.poll(30, TimeUnit.SECONDS)).isNotNull();
        hub.publishPolicy(wire(2, "after the restart"));
        assertThat(next()).isEqualTo(expected(2, "after the restart"));
        assertThat(received).isEmpty();
    }

    @Test
    void aRestartedAgentDecidesFromTheSavedPolicyWhileTheHubIsAway() throws Exception {
        hub.publishPolicy(wire(7, "saved").toBuilder().setRecordingMode("node-sync").build());
        source = newSource();
        assertThat(source.recordingMode()).as("before any policy").isEqualTo(RecordingMode.NODE);
        source.subscribe(received::add);
        source.start();
        assertThat(next()).isEqualTo(AccessPolicy.EMPTY);
        assertThat(next()).isEqualTo(expected(7, "saved"));
        assertThat(source.recordingMode()).isEqualTo(RecordingMode.NODE_SYNC);
        source.close();
        hub.stop();

        source = newSource();

        assertThat(source.current()).isEqualTo(expected(7, "saved"));
        assertThat(source.recordingMode()).isEqualTo(RecordingMode.NODE_SYNC);
        source.start();
        source.subscribe(received::add);
        assertThat(next()).isEqualTo(expected(7, "saved"));
    }

    @Test
    void aDamagedSavedPolicyIsIgnoredWithTheReasonAndReplacedByTheHubsNext() throws Exception {
        Files.write(cache.file(), "not a policy at all".getBytes());
        assertThatThrownBy(cache::read).isInstanceOf(IOException.class)
                .hasMessage("not an access policy saved by mezd");

        cache.write(wire(3, "intact"));
        byte[] content = Files.readAllBytes(cache.file());
        content[content.length - 1] ^= 1;
        Files.write(cache.file(), content);
        assertThatThrownBy(cache::read).isInstanceOf(IOException.class)
                .hasMessage("damaged (its checksum does not match)");

        source = newSource();
        assertThat(source.current()).isEqualTo(AccessPolicy.EMPTY);

        hub.publishPolicy(wire(4, "fresh"));
        source.subscribe(received::add);
        source.start();
        assertThat(next()).isEqualTo(AccessPolicy.EMPTY);
        assertThat(next()).isEqualTo(expected(4, "fresh"));
        assertThat(cache.read()).contains(wire(4, "fresh"));
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws Exception {
        hub.publishPolicy(wire(1, "first"));
        source = newSource();
        BlockingQueue<AccessPolicy> other = new LinkedBlockingQueue<>();
        AutoCloseable subscription = source.subscribe(other::add);
        source.subscribe(received::add);
        source.start();
        assertThat(next()).isEqualTo(AccessPolicy.EMPTY);
        assertThat(next()).isEqualTo(expected(1, "first"));
        subscription.close();

        hub.publishPolicy(wire(2, "second"));
        assertThat(next()).isEqualTo(expected(2, "second"));
        assertThat(other).extracting(AccessPolicy::revision).containsExactly(0L, 1L);
    }

    private HubAccessPolicySource newSource() {
        return new HubAccessPolicySource(cache, session::watchAccessPolicy, hub.address().toString());
    }

    private AccessPolicy next() throws InterruptedException {
        AccessPolicy policy = received.poll(30, TimeUnit.SECONDS);
        assertThat(policy).as("a policy delivered").isNotNull();
        return policy;
    }

    private static org.mezite.proto.auth.v1.AccessPolicy wire(long revision, String lockMessage) {
        return org.mezite.proto.auth.v1.AccessPolicy.newBuilder()
                .setRevision(revision)
                .addRoles(org.mezite.proto.auth.v1.Role.newBuilder().setId("r-1").setName("dev").setSpec(DEV_YAML)
                        .setCreatedAt(timestamp(CREATED)).setUpdatedAt(timestamp(CREATED)))
                .addLocks(org.mezite.proto.auth.v1.Lock.newBuilder().setId("l-1").setTargetKind("user")
                        .setTargetValue("alice").setMessage(lockMessage).setExpiresAt(timestamp(EXPIRES))
                        .setCreatedBy("admin").setCreatedAt(timestamp(CREATED)))
                .addLocks(org.mezite.proto.auth.v1.Lock.newBuilder().setId("l-2").setTargetKind("node")
                        .setTargetValue("node-id-1").setCreatedBy("admin").setCreatedAt(timestamp(CREATED)))
                .addTerminatedSessions(org.mezite.proto.auth.v1.SessionTermination.newBuilder()
                        .setSessionId("s-1").setMessage("ended by admin"))
                .build();
    }

    private static AccessPolicy expected(long revision, String lockMessage) {
        return new AccessPolicy(revision, List.of(new Role("r-1", "dev", DEV_YAML, CREATED, CREATED)),
                List.of(new Lock("l-1", new LockTarget(LockTargetKind.USER, "alice"), lockMessage, EXPIRES, "admin",
                        CREATED),
                        new Lock("l-2", new LockTarget(LockTargetKind.NODE, "node-id-1"), null, null, "admin",
                                CREATED)),
                List.of(new SessionTermination("s-1", "ended by admin")));
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
