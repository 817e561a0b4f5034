package org.mezite.client;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * Real cluster CAs (Mezite's CA bundle over an in-memory store) for the certificates the tests' proxies present and
 * hand out. Two clusters, so that a test can present one cluster's certificate to a client pinned to the other.
 */
final class TestCas {

    static final String CLUSTER = "test-cluster";

    private static final Map<String, CertificateAuthorityService> CLUSTERS = new ConcurrentHashMap<>();

    private TestCas() {
    }

    static CertificateAuthorityService cluster() {
        return cluster(CLUSTER);
    }

    static CertificateAuthorityService cluster(String name) {
        return CLUSTERS.computeIfAbsent(name, cluster -> new CertificateAuthorityService(settings(cluster),
                new MemoryRepository(), Map.of()));
    }

    /** A proxy's HTTPS identity from the host CA, for these names. */
    static TlsIdentity proxyIdentity(CertificateAuthorityService cas, List<String> dnsNames, List<String> ips) {
        return cas.generate(new X509CertificateRequest(CaType.HOST, "proxy", List.of(), dnsNames, ips,
                Set.of(TlsUsage.SERVER), Duration.ofHours(1)));
    }

    private static HubSettings settings(String cluster) {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new HubSettings(cluster, Set.of(HubRole.AUTH, HubRole.PROXY), any, any, any, any, Path.of("data"),
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:x.db", "", "", 1));
    }

    private static final class MemoryRepository implements CertificateAuthorityRepository {
        private final Map<String, CertificateAuthority> rows = new ConcurrentHashMap<>();

        @Override
        public CertificateAuthority create(CaType type, String clusterName, String publicKey, byte[] key) {
            CertificateAuthority ca = new CertificateAuthority(UUID.randomUUID().toString(), type, clusterName,
                    publicKey, key, Instant.now());
            rows.put(ca.id(), ca);
            return ca;
        }

        @Override
        public Optional<CertificateAuthority> find(String clusterName, CaType type) {
            return rows.values().stream().filter(c -> c.clusterName().equals(clusterName) && c.type() == type)
                    .findFirst();
        }

        @Override
        public List<CertificateAuthority> list() {
            return List.copyOf(rows.values());
        }

        @Override
        public boolean delete(String id) {
            return rows.remove(id) != null;
        }
    }
}
