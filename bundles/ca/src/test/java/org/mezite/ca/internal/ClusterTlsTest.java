package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.tls.ClusterCertificates;
import org.mezite.ca.tls.ClusterClientTrust;
import org.mezite.ca.tls.ClusterPeer;
import org.mezite.ca.tls.ClusterServerTrust;
import org.mezite.ca.tls.HostServerCertificate;
import org.mezite.ca.tls.PeerCertificateException;

/** The TLS checks of {@code org.mezite.ca.tls}, against real CAs of this bundle. */
class ClusterTlsTest {

    private final CertificateAuthorityService cluster = TestCas.start();
    private final CertificateAuthorityService otherCluster = TestCas.start();
    private HostServerCertificate served;

    @AfterEach
    void stopRenewals() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void aClientAcceptsOnlyServerCertificatesOfItsHostCaThatAreValidNow() throws Exception {
        ClusterServerTrust trust = new ClusterServerTrust("the proxy",
                List.of(cluster.authority(CaType.HOST).certificate()), Clock.systemUTC());

        trust.checkServerTrusted(chain(cluster, CaType.HOST, "proxy", List.of(), TlsUsage.SERVER), "EC");
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(otherCluster, CaType.HOST, "proxy", List.of(),
                TlsUsage.SERVER), "EC"))
                .isInstanceOf(CertificateException.class)
                .hasMessage("the proxy's certificate CN=proxy was not issued by the cluster's CA");
        assertThatThrownBy(() -> trust.checkServerTrusted(chain(cluster, CaType.HOST, "node-1", List.of("node"),
                TlsUsage.CLIENT), "EC"))
                .hasMessage("the proxy's certificate CN=node-1, O=node is not a TLS server certificate");
        ClusterServerTrust later = new ClusterServerTrust("the proxy",
                List.of(cluster.authority(CaType.HOST).certificate()),
                Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.checkServerTrusted(chain(cluster, CaType.HOST, "proxy", List.of(),
                TlsUsage.SERVER), "EC"))
                .hasMessageStartingWith("the proxy's certificate is not valid now")
                .hasMessageEndingWith("is this host's clock right?");
    }

    @Test
    void aServerAcceptsClientCertificatesOfTheCasItNames() throws Exception {
        ClusterCertificates certificates = new ClusterCertificates(cluster);
        ClusterClientTrust hostOnly = new ClusterClientTrust(certificates, Set.of(CaType.HOST));
        X509Certificate[] node = chain(cluster, CaType.HOST, "node-1", List.of("node"), TlsUsage.CLIENT);
        X509Certificate[] user = chain(cluster, CaType.USER, "alice", List.of("dev"), TlsUsage.CLIENT);

        hostOnly.checkClientTrusted(node, "EC");
        assertThatThrownBy(() -> hostOnly.checkClientTrusted(user, "EC"))
                .isInstanceOf(CertificateException.class)
                .hasMessage("client certificate CN=alice, O=dev was not issued by the host CA of cluster "
                        + TestCas.CLUSTER);
        assertThatThrownBy(() -> hostOnly.checkClientTrusted(chain(otherCluster, CaType.HOST, "node-1",
                List.of("node"), TlsUsage.CLIENT), "EC"))
                .isInstanceOf(CertificateException.class);
        assertThat(hostOnly.getAcceptedIssuers()).containsExactly(cluster.authority(CaType.HOST).certificate());
        ClusterClientTrust.anyCa(certificates).checkClientTrusted(user, "EC");
    }

    @Test
    void aClientCertificateNamesItsPeerUntilItExpires() throws Exception {
        ClusterCertificates certificates = new ClusterCertificates(cluster);
        X509Certificate node = chain(cluster, CaType.HOST, "node-1", List.of("node"), TlsUsage.CLIENT)[0];

        ClusterPeer peer = certificates.identify(node, Instant.now());
        assertThat(peer.commonName()).isEqualTo("node-1");
        assertThat(peer.isNode("node")).isTrue();
        assertThat(peer.isNode("node-1", "node")).isTrue();
        assertThat(peer.isNode("node-2", "node")).isFalse();
        assertThat(peer).hasToString("node node-1 (host CA)");
        Instant expired = node.getNotAfter().toInstant().plusSeconds(1);
        assertThatThrownBy(() -> certificates.identify(node, expired))
                .isInstanceOf(PeerCertificateException.class)
                .hasMessageStartingWith("the client certificate expired at ");
        assertThatThrownBy(() -> certificates.identify(chain(otherCluster, CaType.HOST, "node-1", List.of("node"),
                TlsUsage.CLIENT)[0], Instant.now()))
                .hasMessage("the client certificate was not issued by the CA of cluster " + TestCas.CLUSTER);
    }

    @Test
    void aServerCertificateFromTheHostCaNamesTheListenerAndIsServedByTheKeyManager() {
        served = HostServerCertificate.issue("test-listener", cluster, "proxy",
                new InetSocketAddress("127.0.0.1", 3024), Clock.systemUTC());

        X509Certificate certificate = served.certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=proxy");
        assertThat(new ClusterCertificates(cluster).issuerOf(certificate)).contains(CaType.HOST);
        String alias = served.keyManager().chooseEngineServerAlias("EC", null, null);
        assertThat(served.keyManager().getCertificateChain(alias))
                .containsExactly(certificate, cluster.authority(CaType.HOST).certificate());
        assertThat(served.keyManager().getPrivateKey(alias)).isNotNull();
        assertThat(served.keyManager().chooseEngineServerAlias("RSA", null, null)).isNull();

        X509CertificateRequest byName = HostServerCertificate.request("proxy",
                InetSocketAddress.createUnresolved("proxy.example.com", 3024), "host-7");
        assertThat(byName.dnsNames()).containsExactly("proxy.example.com", "localhost", "host-7");
        assertThat(byName.ipAddresses()).containsExactly("127.0.0.1", "::1");
        assertThat(byName.usages()).containsExactly(TlsUsage.SERVER);
        assertThat(HostServerCertificate.request("proxy", new InetSocketAddress("0.0.0.0", 3024), null).ipAddresses())
                .containsExactly("127.0.0.1", "::1");
    }

    private static X509Certificate[] chain(CertificateAuthorityService ca, CaType type, String commonName,
            List<String> organizations, TlsUsage usage) {
        TlsIdentity identity = ca.generate(new X509CertificateRequest(type, commonName, organizations, List.of(),
                List.of(), Set.of(usage), Duration.ofHours(1)));
        return identity.certificate().chain().toArray(X509Certificate[]::new);
    }
}
