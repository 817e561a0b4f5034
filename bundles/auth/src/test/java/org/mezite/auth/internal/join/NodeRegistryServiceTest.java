package org.mezite.auth.internal.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.join.NodeRegistration;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.NotFoundException;
import org.mezite.auth.internal.testing.InMemoryNodeRepository;
import org.mezite.auth.internal.testing.MutableClock;
import org.mezite.auth.internal.testing.RecordingAuditEventRepository;

class NodeRegistryServiceTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.now();
    private final RecordingAuditEventRepository audit = new RecordingAuditEventRepository();
    private final NodeRegistryService registry = new NodeRegistryService(new InMemoryNodeRepository(clock), audit,
            clock, INTERVAL);

    @Test
    void aNodeIsOnlineFromItsRegistration() {
        RegisteredNode node = registry.register(new NodeRegistration("id-1", "node-01", "10.0.0.5",
                Map.of("env", "dev")));

        assertThat(node.online()).isTrue();
        assertThat(node.name()).isEqualTo("node-01");
        assertThat(node.address()).isEqualTo("10.0.0.5");
        assertThat(node.labels()).containsExactly(Map.entry("env", "dev"));
        assertThat(node.lastHeartbeat()).isEqualTo(clock.instant());
        assertThat(node.joinedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aNodeGoesOfflineWhenItsLastHeartbeatIsOlderThanThreeIntervalsAndBackWithTheNext() {
        registry.register(new NodeRegistration("id-1", "node-01", null, Map.of()));

        clock.advance(INTERVAL.multipliedBy(3));
        assertThat(registry.find("id-1").orElseThrow().online()).as("exactly three intervals").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(registry.find("id-1").orElseThrow().online()).isFalse();
        assertThat(registry.list()).singleElement().satisfies(n -> assertThat(n.online()).isFalse());

        registry.heartbeat("id-1");
        assertThat(registry.find("id-1").orElseThrow().online()).isTrue();
        assertThat(registry.find("id-1").orElseThrow().lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void listsOnlineAndOfflineNodesByName() {
        registry.register(new NodeRegistration("id-b", "node-b", null, Map.of()));
        clock.advance(Duration.ofMinutes(1));
        registry.register(new NodeRegistration("id-a", "node-a", null, Map.of()));

        assertThat(registry.list()).extracting(RegisteredNode::name, RegisteredNode::online)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", true),
                        org.assertj.core.groups.Tuple.tuple("node-b", false));
    }

    @Test
    void heartbeatsKeepTheTunnelTheNodeIsKnownBy() {
        InMemoryNodeRepository table = new InMemoryNodeRepository(clock);
        NodeRegistryService withTable = new NodeRegistryService(table, audit, clock, INTERVAL);
        withTable.register(new NodeRegistration("id-1", "node-01", null, Map.of()));
        table.heartbeat("id-1", "tunnel-7", clock.instant());

        clock.advance(INTERVAL);
        withTable.heartbeat("id-1");
        withTable.register(new NodeRegistration("id-1", "node-01", null, Map.of()));

        assertThat(table.findById("id-1").orElseThrow().tunnelId()).isEqualTo("tunnel-7");
        assertThat(table.findById("id-1").orElseThrow().lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void aHeartbeatOfAnUnknownNodeFails() {
        assertThatThrownBy(() -> registry.heartbeat("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void removingANodeIsAudited() {
        registry.register(new NodeRegistration("id-1", "node-01", null, Map.of()));

        assertThat(registry.remove("id-1", "alice")).isTrue();
        assertThat(registry.remove("id-1", "alice")).isFalse();

        assertThat(registry.list()).isEmpty();
        assertThat(audit.ofType("node.delete")).singleElement().satisfies(event -> {
            assertThat(event.username()).isEqualTo("alice");
            assertThat(event.resource()).isEqualTo("node/id-1");
            assertThat(event.metadata()).contains("\"node_name\":\"node-01\"");
        });
    }
}
