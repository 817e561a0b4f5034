package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;

/** Start-up of the CAs: first start, restarts, encryption at rest and what the operator reads when it fails. */
class CertificateAuthorityServiceTest {

    private final InMemoryCertificateAuthorityRepository store = new InMemoryCertificateAuthorityRepository();

    @Test
    void firstStartCreatesAndStoresBothCas() {
        CertificateAuthorityService cas = TestCas.start(store, "s3cret passphrase");

        assertThat(store.list()).extracting(CertificateAuthority::type).containsExactly(CaType.USER, CaType.HOST);
        for (CaType type : CaType.values()) {
            CertificateAuthority row = store.find(TestCas.CLUSTER, type).orElseThrow();
            assertThat(row.publicKey()).isEqualTo(cas.authority(type).authorizedKey())
                    .startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5").endsWith(" test-cluster " + type.id() + " CA");
        }
        assertThat(cas.authority(CaType.USER).authorizedKey()).isNotEqualTo(cas.authority(CaType.HOST).authorizedKey());
        assertThat(cas.clusterName()).isEqualTo(TestCas.CLUSTER);
        assertThat(cas.all()).extracting(CaPublicIdentity::type).containsExactly(CaType.USER, CaType.HOST);
    }

    @Test
    void aRestartUsesTheStoredCasAndPublishesTheSameIdentities() {
        CertificateAuthorityService first = TestCas.start(store, "s3cret passphrase");

        CertificateAuthorityService second = TestCas.start(store, "s3cret passphrase");

        assertThat(store.list()).hasSize(2);
        for (CaType type : CaType.values()) {
            assertThat(second.authority(type)).isEqualTo(first.authority(type)); // X.509 certificate and pin included
        }
    }

    @Test
    void theStoredPrivateKeyIsEncryptedAndOpensOnlyWithThePassphrase() throws Exception {
        TestCas.start(store, "s3cret passphrase");

        for (CaType type : CaType.values()) {
            byte[] stored = store.find(TestCas.CLUSTER, type).orElseThrow().encryptedPrivateKey();
            byte[] pkcs8 = new PrivateKeyEnvelope("s3cret passphrase".getBytes(StandardCharsets.UTF_8),
                    TestCas.FAST_KDF, new SecureRandom()).open(stored, CaKeyring.context(TestCas.CLUSTER, type));
            Ed25519PrivateKeyParameters key = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
            byte[] seed = key.getEncoded();

            assertThat(PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm().getId())
                    .as("the plaintext is PKCS#8 Ed25519").isEqualTo("1.3.101.112");
            assertThat(PrivateKeyEnvelopeTest.containsRun(stored, seed)).as("raw key in the stored bytes").isFalse();
            assertThat(PrivateKeyEnvelopeTest.containsRun(stored, pkcs8)).as("PKCS#8 in the stored bytes").isFalse();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        }
    }

    @Test
    void aWrongPassphraseStopsStartUpWithAClearMessage() {
        TestCas.start(store, "s3cret passphrase");

        assertThatThrownBy(() -> TestCas.start(store, "another passphrase"))
                .isInstanceOf(CaStartupException.class)
                .hasMessage("cannot decrypt the user CA of cluster test-cluster: wrong ca_key_passphrase?");
    }

    @Test
    void keysStoredWithoutPassphraseStillOpenWithout() {
        CertificateAuthorityService first = TestCas.start(store, "");

        assertThat(store.find(TestCas.CLUSTER, CaType.USER).orElseThrow().encryptedPrivateKey()).startsWith(
                'M', 'Z', 'K', 'W', 1, 0);
        assertThat(TestCas.start(store, "").authority(CaType.USER)).isEqualTo(first.authority(CaType.USER));
    }

    @Test
    void settingAPassphraseAfterTheFirstStartIsExplainedNotMistakenForAWrongOne() {
        TestCas.start(store, "");

        assertThatThrownBy(() -> TestCas.start(store, "new passphrase"))
                .hasMessageStartingWith("cannot decrypt the user CA of cluster test-cluster: it was stored without a"
                        + " passphrase, before ca_key_passphrase was set");
    }

    @Test
    void aMissingPassphraseIsNamed() {
        TestCas.start(store, "s3cret passphrase");

        assertThatThrownBy(() -> TestCas.start(store, "")).hasMessage("cannot decrypt the user CA of cluster"
                + " test-cluster: it is protected by a passphrase and ca_key_passphrase is not set");
    }

    @Test
    void aSwappedPublicKeyIsRefused() {
        TestCas.start(store, "pw");
        CertificateAuthority host = store.find(TestCas.CLUSTER, CaType.HOST).orElseThrow();
        CertificateAuthority user = store.find(TestCas.CLUSTER, CaType.USER).orElseThrow();
        store.replace(new CertificateAuthority(host.id(), CaType.HOST, host.clusterName(), user.publicKey(),
                host.encryptedPrivateKey(), host.createdAt()));

        assertThatThrownBy(() -> TestCas.start(store, "pw")).hasMessage("the host CA of cluster test-cluster: the"
                + " stored public key does not belong to the stored private key");
    }

    @Test
    void aMissingCaIsCreatedBesideTheExistingOne() {
        CertificateAuthorityService first = TestCas.start(store, "pw");
        store.delete(store.find(TestCas.CLUSTER, CaType.HOST).orElseThrow().id());

        CertificateAuthorityService second = TestCas.start(store, "pw");

        assertThat(second.authority(CaType.USER)).isEqualTo(first.authority(CaType.USER));
        assertThat(second.authority(CaType.HOST).authorizedKey())
                .isNotEqualTo(first.authority(CaType.HOST).authorizedKey());
    }

    @Test
    void whenAnotherAuthInstanceCreatesTheCaFirstItsKeyIsUsed() {
        InMemoryCertificateAuthorityRepository racing = new InMemoryCertificateAuthorityRepository() {
            private boolean raced;

            @Override
            public Optional<CertificateAuthority> find(String clusterName, CaType type) {
                Optional<CertificateAuthority> found = super.find(clusterName, type);
                if (found.isEmpty() && !raced) {
                    raced = true; // the other instance starts between our find and our create
                    TestCas.start(store, "pw");
                    store.list().forEach(this::replace);
                }
                return found;
            }
        };

        CertificateAuthorityService ours = TestCas.start(racing, "pw");

        assertThat(racing.list()).hasSize(2);
        assertThat(ours.authority(CaType.USER).authorizedKey())
                .isEqualTo(store.find(TestCas.CLUSTER, CaType.USER).orElseThrow().publicKey());
    }

    @Test
    void invalidSettingsNameTheFileAndKey() {
        assertThatThrownBy(() -> TestCas.start(store, Map.of(CaSettings.USER_MAX_TTL, "twelve hours"),
                Clock.systemUTC())).isInstanceOf(CaStartupException.class)
                .hasMessage("etc/org.mezite.ca.cfg: user_cert_max_ttl: invalid duration \"twelve hours\""
                        + " (use e.g. 12h, 30m, 1h30m, 7d)");
    }

    @Test
    void theDefaultKdfIsArgon2idWith64MiBThreePassesFourLanes() {
        new CertificateAuthorityService(TestCas.CLUSTER, store, Map.of(CaSettings.PASSPHRASE, "pw"),
                KdfParameters.DEFAULT, Clock.systemUTC(), new SecureRandom());

        ByteBuffer header = ByteBuffer.wrap(store.find(TestCas.CLUSTER, CaType.USER).orElseThrow()
                .encryptedPrivateKey());
        assertThat(header.get(6)).as("Argon2id").isEqualTo((byte) 1);
        assertThat(header.getInt(7)).as("memory KiB").isEqualTo(64 * 1024);
        assertThat(header.getInt(11)).as("iterations").isEqualTo(3);
        assertThat(header.get(15)).as("parallelism").isEqualTo((byte) 4);
    }

    @Test
    void theHostCaGivesTheKnownHostsLineAndTheUserCaRefusesTo() {
        CertificateAuthorityService cas = TestCas.start(store, "pw");

        assertThat(cas.authority(CaType.HOST).certAuthorityLine("*.example.com,[10.0.0.5]:3022"))
                .isEqualTo("@cert-authority *.example.com,[10.0.0.5]:3022 "
                        + cas.authority(CaType.HOST).authorizedKey());
        assertThatThrownBy(() -> cas.authority(CaType.USER).certAuthorityLine("*"))
                .hasMessage("the user CA does not sign host certificates; @cert-authority lines name the host CA");
        assertThatThrownBy(() -> cas.authority(CaType.HOST).certAuthorityLine("a b"))
                .hasMessage("host patterns must be one non-empty word without spaces, got \"a b\"");
    }

    @Test
    void settingsHideThePassphrase() {
        CaSettings settings = CaSettings.parse(Map.of(CaSettings.PASSPHRASE, "s3cret"));

        assertThat(settings.toString()).doesNotContain("s3cret").contains("passphrase=****");
        assertThat(settings.userCertMaxTtl()).hasHours(12);
        assertThat(settings.hostCertMaxTtl()).hasDays(30);
    }
}
