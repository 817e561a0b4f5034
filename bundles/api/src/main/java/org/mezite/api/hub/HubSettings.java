package org.mezite.api.hub;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

/**
 * The validated hub configuration ({@code etc/org.mezite.hub.cfg}), registered as a service once it is valid.
 *
 * @param clusterName  the cluster's name, carried in certificates
 * @param roles        the services this process runs
 * @param authListen   Auth gRPC
 * @param webListen    Proxy HTTPS (web UI, REST)
 * @param sshListen    Proxy SSH
 * @param tunnelListen Proxy reverse tunnel
 * @param dataDir      where the hub keeps files (SQLite database, recordings, keys)
 * @param database     the state store
 */
public record HubSettings(String clusterName, Set<HubRole> roles, InetSocketAddress authListen,
        InetSocketAddress webListen, InetSocketAddress sshListen, InetSocketAddress tunnelListen, Path dataDir,
        DatabaseSettings database) {

    public HubSettings {
        roles = Set.copyOf(roles);
    }

    public boolean runs(HubRole role) {
        return roles.contains(role);
    }
}
