package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.Node;
import org.mezite.api.store.NodeRepository;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.Stores;

class NodeRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static NodeRepository nodes(DatabaseKind kind) {
        return new JpaNodeRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void registersAndReregistersANode(DatabaseKind kind) {
        String id = UUID.randomUUID().toString();
        String hostname = Unique.name("node");
        Node first = nodes(kind).register(id, hostname, "10.0.0.5:22", Map.of("env", "prod", "team", "db"));

        assertThat(first.labels()).containsEntry("env", "prod").containsEntry("team", "db");
        assertThat(first.lastHeartbeat()).isNull();
        assertThat(nodes(kind).findById(id)).contains(first);
        assertThat(nodes(kind).findByHostname(hostname)).containsExactly(first);

        Node again = nodes(kind).register(id, hostname + "-renamed", null, Map.of("env", "staging"));
        assertThat(again.createdAt()).isEqualTo(first.createdAt());
        assertThat(again.labels()).containsOnly(Map.entry("env", "staging"));
        assertThat(again.addr()).isNull();
        assertThat(nodes(kind).list()).contains(again).doesNotContain(first);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void heartbeatsMakeANodeSeen(DatabaseKind kind) {
        String id = UUID.randomUUID().toString();
        nodes(kind).register(id, Unique.name("node"), null, Map.of());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        nodes(kind).heartbeat(id, "tunnel-1", at);

        Node seen = nodes(kind).findById(id).orElseThrow();
        assertThat(seen.lastHeartbeat()).isEqualTo(at);
        assertThat(seen.tunnelId()).isEqualTo("tunnel-1");
        assertThat(nodes(kind).listSeenSince(at)).contains(seen);
        assertThat(nodes(kind).listSeenSince(at.plusMillis(1))).doesNotContain(seen);
        assertThatThrownBy(() -> nodes(kind).heartbeat("no-such-node", null, at))
                .isInstanceOf(NotFoundException.class).hasMessage("node no-such-node does not exist");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletesANode(DatabaseKind kind) {
        String id = UUID.randomUUID().toString();
        nodes(kind).register(id, Unique.name("node"), null, Map.of());

        assertThat(nodes(kind).delete(id)).isTrue();
        assertThat(nodes(kind).findById(id)).isEmpty();
        assertThat(nodes(kind).delete(id)).isFalse();
    }
}
