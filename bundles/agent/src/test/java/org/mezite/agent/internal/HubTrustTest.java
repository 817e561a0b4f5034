package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

class HubTrustTest {

    private final CertificateAuthorityService ca = TestCa.of(FakeHub.CLUSTER);
    private final X509Certificate hostCa = ca.authority(CaType.HOST).certificate();
    private final MutableClock clock = new MutableClock();

    @Test
    void aPinnedHubIsTrustedWhenItsChainHoldsTheCaWithThePinnedKey() {
        X509Certificate[] chain = chain(TestCa.server(ca, Set.of(TlsUsage.SERVER)));

        assertThatCode(() -> HubTrust.pinned(CaPin.of(hostCa), clock).checkServerTrusted(chain, "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
        assertThatCode(() -> HubTrust.anchoredAt(List.of(hostCa), clock).checkServerTrusted(chain, "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherCaIsAPinMismatchNamingBothPins() {
        CertificateAuthorityService other = TestCa.of("another-cluster");
        X509Certificate[] chain = chain(TestCa.server(other, Set.of(TlsUsage.SERVER)));

        assertThatThrownBy(() -> HubTrust.pinned(CaPin.of(hostCa), clock).checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CaPinMismatchException.class)
                .hasMessage("the hub's CA does not match ca_pin " + CaPin.of(hostCa) + " (the hub's CA is "
                        + CaPin.of(other.authority(CaType.HOST).certificate()) + ")");
        assertThatThrownBy(() -> HubTrust.anchoredAt(List.of(hostCa), clock).checkServerTrusted(chain, "ECDHE_ECDSA"))
                .hasMessageContaining("was not issued by the cluster's CA");
    }

    @Test
    void aChainWithThePinnedCaButALeafItDidNotSignIsRefused() {
        X509Certificate foreignLeaf = TestCa.server(TestCa.of("another-cluster"), Set.of(TlsUsage.SERVER))
                .certificate().certificate();

        assertThatThrownBy(() -> HubTrust.pinned(CaPin.of(hostCa), clock)
                .checkServerTrusted(new X509Certificate[] {foreignLeaf, hostCa}, "ECDHE_ECDSA"))
                .hasMessageContaining("the hub's certificate " + foreignLeaf.getSubjectX500Principal()
                        + " was not issued by the cluster's CA");
    }

    @Test
    void aCertificateThatIsNotForServersOrNotValidNowIsRefused() {
        X509Certificate[] clientOnly = chain(TestCa.server(ca, Set.of(TlsUsage.CLIENT)));
        assertThatThrownBy(() -> HubTrust.anchoredAt(List.of(hostCa), clock).checkServerTrusted(clientOnly, "x"))
                .hasMessageContaining("is not a TLS server certificate");

        X509Certificate[] server = chain(TestCa.server(ca, Set.of(TlsUsage.SERVER)));
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> HubTrust.anchoredAt(List.of(hostCa), clock).checkServerTrusted(server, "x"))
                .hasMessageStartingWith("the hub's certificate is not valid now");
    }

    private static X509Certificate[] chain(TlsIdentity identity) {
        return identity.certificate().chain().toArray(X509Certificate[]::new);
    }
}
