package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.admin.NodeInfo;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.api.tunnel.TunnelConnection;

class NodeAdminServiceTest extends Fixture {

    final KnownNodes nodes = new KnownNodes()
            .add("id-web-2", "web", NOW.minusSeconds(5))
            .add("id-db", "db", NOW.minus(Duration.ofDays(2)))
            .add("id-new", "new", null);
    final NodeAdminService service = new NodeAdminService(nodes, access);

    @Test
    void listsByNameWithTheTunnelWhenAProxyRunsHere() {
        assertThat(service.list(OPERATOR)).extracting(NodeInfo::tunnelUp).containsOnly(false);

        service.tunnels = new Tunnels(Set.of("id-web-2"));
        assertThat(service.list(OPERATOR)).extracting(n -> n.node().name() + " " + n.tunnelUp())
                .containsExactly("db false", "new false", "web true");
        assertThat(rules.asked).containsExactly("node:list", "node:list");
    }

    @Test
    void removesByIdOrUniqueName() {
        service.remove(OPERATOR, "id-db");
        service.remove(OPERATOR, "web");

        assertThat(nodes.removed).containsExactly("id-db by karaf", "id-web-2 by karaf");
        assertThat(audit.last("admin.access").resource()).isEqualTo("node/web");
        assertThatThrownBy(() -> service.remove(OPERATOR, "web")).isInstanceOf(NotFoundException.class)
                .hasMessage("node \"web\" does not exist");
    }

    @Test
    void anAmbiguousNameIsRefused() {
        nodes.add("id-web-3", "web", NOW);

        assertThatThrownBy(() -> service.remove(OPERATOR, "web")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name \"web\" is not unique (id-web-2, id-web-3): give the node's id");
        assertThat(nodes.removed).isEmpty();
    }

    @Test
    void staleNodesAreThoseWithoutARecentHeartbeat() {
        assertThat(service.removeStale(OPERATOR, Duration.ofHours(1))).containsExactly("db", "new");
        assertThat(nodes.nodes).containsOnlyKeys("id-web-2");
        assertThatThrownBy(() -> service.removeStale(OPERATOR, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stale age: must be longer than 0, got PT0S");
    }

    @Test
    void deniedCallersRemoveNothing() {
        assertThatThrownBy(() -> service.remove(BOB, "web")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeStale(BOB, Duration.ofSeconds(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(BOB)).isInstanceOf(AccessDeniedException.class);
        assertThat(nodes.nodes).hasSize(3);
        assertThat(rules.asked).containsExactly("node:delete", "node:delete", "node:list");
    }

    record Tunnels(Set<String> up) implements NodeTunnels {
        @Override
        public boolean isConnected(String nodeId) {
            return up.contains(nodeId);
        }

        @Override
        public Set<String> connectedNodes() {
            return up;
        }

        @Override
        public CompletableFuture<TunnelConnection> dial(String nodeId, String clientAddress) {
            throw new UnsupportedOperationException();
        }
    }
}
