package org.mezite.api.hub;

import java.util.List;
import java.util.Set;

import org.mezite.api.store.DatabaseStatus;

/**
 * What {@code mezite:status} prints.
 *
 * @param clusterName the cluster name
 * @param version     the Mezite version
 * @param roles       services configured to run
 * @param database    the store's state, or {@code null} while no store is available
 * @param listeners   the sockets bound right now
 * @param bundles     every Mezite bundle and its state
 */
public record HubStatus(String clusterName, String version, Set<HubRole> roles, DatabaseStatus database,
        List<ListenerInfo> listeners, List<BundleState> bundles) {

    /**
     * A bound socket.
     *
     * @param name     listener name
     * @param protocol protocol spoken
     * @param address  host:port
     */
    public record ListenerInfo(String name, String protocol, String address) {
    }

    /** True when the store answers and every Mezite bundle is active. */
    public boolean healthy() {
        return database != null && database.healthy()
                && bundles.stream().allMatch(b -> "ACTIVE".equals(b.state()));
    }
}
