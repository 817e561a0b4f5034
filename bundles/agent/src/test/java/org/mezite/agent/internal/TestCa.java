package org.mezite.agent.internal;

import java.net.InetAddress;
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

/** Real cluster CAs for tests (the CA bundle's own service, over an in-memory table), one per cluster name. */
final class TestCa {

    private static final Map<String, CertificateAuthorityService> CLUSTERS = new ConcurrentHashMap<>();

    private TestCa() {
    }

    static CertificateAuthorityService of(String cluster) {
        return CLUSTERS.computeIfAbsent(cluster, name -> {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            HubSettings settings = new HubSettings(name, Set.of(HubRole.AUTH), loopback, loopback, loopback, loopback,
                    Path.of("data"), new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:x.db", "", "", 1));
            return new CertificateAuthorityService(settings, new InMemoryCaTable(), Map.of());
        });
    }

    /** A TLS server identity from the cluster's host CA for 127.0.0.1. */
    static TlsIdentity server(CertificateAuthorityService ca, Set<TlsUsage> usages) {
        return ca.generate(new X509CertificateRequest(CaType.HOST, "auth", List.of(), List.of("localhost"),
                List.of("127.0.0.1"), usages, Duration.ofHours(1)));
    }

    private static final class InMemoryCaTable implements CertificateAuthorityRepository {

        private final Map<String, CertificateAuthority> rows = new ConcurrentHashMap<>();

        @Override
        public CertificateAuthority create(CaType type, String clusterName, String publicKey,
                byte[] encryptedPrivateKey) {
            CertificateAuthority ca = new CertificateAuthority(UUID.randomUUID().toString(), type, clusterName,
                    publicKey, encryptedPrivateKey, Instant.now());
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
