package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/** msh's trust in the proxy: the CA pin, --insecure, and the machine's CAs, against real certificate chains. */
class ProxyTrustTest {

    private static final String PING = "{\"cluster\":\"test-cluster\",\"version\":\"1\",\"proxy_public_addr\":\"x:1\","
            + "\"proxy_ssh_addr\":\"x:2\",\"certificate_authorities\":[]}";

    private final CertificateAuthorityService cas = TestCas.cluster();
    private final CaPin hostPin = CaPin.parse(cas.authority(CaType.HOST).tlsPin());

    @Test
    void thePinFormatIsTheOneTheCaPrints() {
        assertThat(CaPin.of(cas.authority(CaType.HOST).certificate())).isEqualTo(hostPin);
        assertThat(CaPin.parse("  SHA256:" + hostPin.value().substring(7).toUpperCase() + " ")).isEqualTo(hostPin);
        assertThatThrownBy(() -> CaPin.parse("sha256:abc")).isInstanceOf(MshException.class)
                .hasMessageContaining("expected sha256: and 64 hex digits");
        assertThatThrownBy(() -> CaPin.parse(cas.authority(CaType.HOST).sshFingerprint()))
                .isInstanceOf(MshException.class);
    }

    @Test
    void aProxyWithACertificateFromThePinnedCaIsTrusted() throws Exception {
        try (FakeProxy proxy = proxy(TestCas.proxyIdentity(cas, List.of("localhost"), List.of("127.0.0.1")))) {
            assertThat(ping(proxy, new ProxyTrust(hostPin, false)).cluster()).isEqualTo("test-cluster");
        }
    }

    @Test
    void anotherCasPinIsRefused() throws Exception {
        CaPin userPin = CaPin.parse(cas.authority(CaType.USER).tlsPin());
        CaPin otherCluster = CaPin.parse(TestCas.cluster("other").authority(CaType.HOST).tlsPin());
        try (FakeProxy proxy = proxy(TestCas.proxyIdentity(cas, List.of("localhost"), List.of("127.0.0.1")))) {
            for (CaPin pin : List.of(userPin, otherCluster)) {
                assertThatThrownBy(() -> ping(proxy, new ProxyTrust(pin, false)))
                        .isInstanceOf(MshException.class)
                        .hasMessageContaining("the proxy at " + proxy.address() + " is not trusted")
                        .hasMessageContaining("no CA in the proxy's certificate chain has the pinned key " + pin)
                        .hasMessageContaining("check the pin against the one mezite:status prints");
            }
        }
    }

    @Test
    void thePinnedCaDoesNotVouchForANameItsCertificateLacks() throws Exception {
        try (FakeProxy proxy = proxy(TestCas.proxyIdentity(cas, List.of("proxy.example.com"), List.of()))) {
            assertThatThrownBy(() -> ping(proxy, new ProxyTrust(hostPin, false)))
                    .isInstanceOf(MshException.class)
                    .hasMessageContaining("127.0.0.1")
                    .hasMessageContaining("public_addr");
        }
    }

    @Test
    void aCopyOfTheCaCertificateWithoutItsPrivateKeyIsRefused() throws Exception {
        try (FakeProxy proxy = proxy(impostor(cas.authority(CaType.HOST).certificate()))) {
            assertThatThrownBy(() -> ping(proxy, new ProxyTrust(hostPin, false)))
                    .isInstanceOf(MshException.class).hasMessageContaining("is not trusted");
        }
    }

    @Test
    void insecureTrustsAnythingAndTheMachinesCasTrustNoClusterCa() throws Exception {
        try (FakeProxy proxy = proxy(TestCas.proxyIdentity(cas, List.of("proxy.example.com"), List.of()))) {
            assertThat(ping(proxy, new ProxyTrust(null, true)).cluster()).isEqualTo("test-cluster");
            assertThatThrownBy(() -> ping(proxy, ProxyTrust.system()))
                    .isInstanceOf(MshException.class)
                    .hasMessageContaining("pass --ca-pin sha256:... (mezite:status prints it on the hub), or"
                            + " --insecure on a test setup");
        }
    }

    private static FakeProxy proxy(TlsIdentity identity) throws Exception {
        return new FakeProxy(identity).answer("/v1/ping", 200, PING);
    }

    private static ProxyClient.Ping ping(FakeProxy proxy, ProxyTrust trust) {
        return new ProxyClient(ProxyAddress.parse(proxy.address()), trust).ping();
    }

    /**
     * A chain whose "CA" carries the real CA's public key but was made by an attacker, who signed the leaf with a key
     * of their own: the pin matches the CA certificate, the signatures cannot.
     */
    private static TlsIdentity impostor(X509Certificate realCa) throws Exception {
        KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X500Name caName = X500Name.getInstance(realCa.getSubjectX500Principal().getEncoded());
        Date from = new Date(System.currentTimeMillis() - 60_000);
        Date until = new Date(System.currentTimeMillis() + 3_600_000);
        X509Certificate fakeCa = new JcaX509CertificateConverter().getCertificate(new X509v3CertificateBuilder(caName,
                BigInteger.TWO, from, until, caName, SubjectPublicKeyInfo.getInstance(realCa.getPublicKey()
                        .getEncoded())).addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(new JcaContentSignerBuilder("Ed25519").build(attacker.getPrivate())));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair leafKey = ec.generateKeyPair();
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                caName, BigInteger.TEN, from, until, new X500Name("CN=proxy"), leafKey.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                .build(new JcaContentSignerBuilder("Ed25519").build(attacker.getPrivate())));
        return new TlsIdentity(leafKey.getPrivate(), "unused", new IssuedX509Certificate(leaf, fakeCa, "unused",
                "unused"));
    }
}
