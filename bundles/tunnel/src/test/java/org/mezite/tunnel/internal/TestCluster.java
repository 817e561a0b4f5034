package org.mezite.tunnel.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
import org.mezite.api.join.NodeRegistration;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.node.NodeCredentials;
import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.api.store.NotFoundException;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * A cluster for tunnel tests: the CA bundle's real service over an in-memory table (one per cluster name, shared by
 * the tests since making CAs takes a moment), a node registry in memory, and node credentials as an agent holds them
 * after joining.
 */
final class TestCluster {

    static final String NAME = "tunnel-test";

    private static final Map<String, CertificateAuthorityService> CAS = new ConcurrentHashMap<>();
    private static final KeyPair HOST_KEY = ed25519();

    final CertificateAuthorityService ca;
    final Registry registry = new Registry();

    TestCluster() {
        this(NAME);
    }

    TestCluster(String name) {
        ca = CAS.computeIfAbsent(name, TestCluster::newCa);
    }

    /** Hub settings of a hub running {@code roles}, with the tunnel listener on {@code tunnelListen}. */
    static HubSettings settings(Set<HubRole> roles, InetSocketAddress tunnelListen) {
        InetSocketAddress unused = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new HubSettings(NAME, roles, unused, unused, unused, tunnelListen, Path.of("data"),
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:data/mezite.db", "", "", 1));
    }

    static InetSocketAddress anyLoopbackPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /** A node registered in this cluster, with the credentials its agent holds; the proxy is at {@code proxy}. */
    NodeCredentials joinedNode(String name, InetSocketAddress proxy) {
        String id = UUID.randomUUID().toString();
        registry.register(new NodeRegistration(id, name, "127.0.0.1", Map.of("env", "test")));
        return credentials(id, name, nodeTls(id), proxy);
    }

    /** What Auth gives a node when it joins: CN = node id, O = node, client usage. */
    TlsIdentity nodeTls(String nodeId) {
        return ca.generate(new X509CertificateRequest(CaType.HOST, nodeId, List.of("node"), List.of(), List.of(),
                Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));
    }

    /** Credentials with any TLS identity, e.g. one that is not the node's. */
    NodeCredentials credentials(String nodeId, String name, TlsIdentity tls, InetSocketAddress proxy) {
        return new NodeCredentials(nodeId, name, NAME, Map.of("env", "test"), HOST_KEY,
                "ssh-ed25519-cert-v01@openssh.com AAAA (not used by the tunnel)", List.of(), tls.privateKey(),
                tls.certificate().chain(), ca.authority(CaType.HOST).certificate(),
                InetSocketAddress.createUnresolved(proxy.getHostString(), proxy.getPort()));
    }

    private static CertificateAuthorityService newCa(String name) {
        InetSocketAddress loopback = anyLoopbackPort();
        HubSettings settings = new HubSettings(name, Set.of(HubRole.AUTH), loopback, loopback, loopback, loopback,
                Path.of("data"), new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:x.db", "", "", 1));
        return new CertificateAuthorityService(settings, new InMemoryCaTable(), Map.of());
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node registry in memory. */
    static final class Registry implements NodeRegistry {

        private final Map<String, RegisteredNode> nodes = new ConcurrentHashMap<>();

        @Override
        public Duration heartbeatInterval() {
            return Duration.ofSeconds(10);
        }

        @Override
        public RegisteredNode register(NodeRegistration registration) {
            RegisteredNode node = new RegisteredNode(registration.id(), registration.name(), registration.address(),
                    registration.labels(), Instant.now(), Instant.now(), true);
            nodes.put(node.id(), node);
            return node;
        }

        @Override
        public void heartbeat(String nodeId) {
            if (!nodes.containsKey(nodeId)) {
                throw new NotFoundException("no node " + nodeId);
            }
        }

        @Override
        public Optional<RegisteredNode> find(String nodeId) {
            return Optional.ofNullable(nodes.get(nodeId));
        }

        @Override
        public List<RegisteredNode> list() {
            return nodes.values().stream().sorted(Comparator.comparing(RegisteredNode::name)).toList();
        }

        @Override
        public boolean remove(String nodeId, String actor) {
            return nodes.remove(nodeId) != null;
        }
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
