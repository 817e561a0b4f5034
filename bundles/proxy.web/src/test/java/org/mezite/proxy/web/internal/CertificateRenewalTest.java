package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.tls.RenewableKeyManager;

class CertificateRenewalTest {

    @Test
    void renewalIsDueAfterTwoThirdsOfTheValidity() {
        ServerIdentity identity = identity(Duration.ofHours(3));
        // the CA backdates by a minute: validity runs from notBefore for 3h01m
        Duration delay = CertificateRenewal.renewalDelay(identity, identity.notBefore());

        assertThat(delay).isEqualTo(Duration.between(identity.notBefore(), identity.notAfter()).multipliedBy(2)
                .dividedBy(3));
        assertThat(CertificateRenewal.renewalDelay(identity, identity.notAfter())).isZero();
    }

    @Test
    void anOverdueCertificateIsReplacedAndTheOldOneStaysForHandshakesThatChoseIt() throws Exception {
        ServerIdentity old = identity(Duration.ofSeconds(1)); // backdated a minute: long overdue
        RenewableKeyManager keys = new RenewableKeyManager(old.key(), old.chain());
        String oldAlias = keys.chooseEngineServerAlias("EC", null, null);
        LinkedBlockingQueue<ServerIdentity> issued = new LinkedBlockingQueue<>();

        try (CertificateRenewal renewal = new CertificateRenewal(keys, old, () -> {
            ServerIdentity next = identity(Duration.ofHours(1));
            issued.add(next);
            return next;
        }, Clock.systemUTC())) {
            ServerIdentity next = issued.poll(30, TimeUnit.SECONDS);

            assertThat(next).isNotNull();
            for (int i = 0; i < 3000 && keys.certificate() != next.leaf(); i++) {
                Thread.sleep(10); // the renewal thread swaps it in right after issuing it
            }
            assertThat(keys.certificate()).isSameAs(next.leaf());
            String newAlias = keys.chooseEngineServerAlias("EC", null, null);
            assertThat(newAlias).isNotEqualTo(oldAlias);
            assertThat(keys.getPrivateKey(newAlias)).isSameAs(next.key());
            assertThat(keys.getCertificateChain(newAlias)[0]).isSameAs(next.leaf());
            assertThat(keys.getPrivateKey(oldAlias)).as("a handshake that chose the old one still finds it")
                    .isSameAs(old.key());
        }
    }

    @Test
    void onlyOffersItsKeyForTheKeyTypeItIs() {
        ServerIdentity identity = identity(Duration.ofHours(1));
        RenewableKeyManager keys = new RenewableKeyManager(identity.key(), identity.chain());

        assertThat(keys.chooseEngineServerAlias("EC", null, null)).isNotNull();
        assertThat(keys.chooseEngineServerAlias("RSA", null, null)).isNull();
        assertThat(keys.getPrivateKey("unknown")).isNull();
        assertThat(keys.chooseEngineClientAlias(new String[] {"EC"}, null, null)).isNull();
    }

    static ServerIdentity identity(Duration ttl) {
        TlsIdentity tls = TestHub.cas().generate(new X509CertificateRequest(CaType.HOST, "proxy", List.of(),
                List.of("localhost"), List.of(), Set.of(TlsUsage.SERVER), ttl));
        return new ServerIdentity(tls.privateKey(), tls.certificate().chain());
    }
}
