package org.mezite.auth.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mezite.api.auth.IssuedUserCredentials;
import org.mezite.api.auth.NoLoginsException;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.store.CaType;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.auth.internal.testing.RecordingAuditEventRepository;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.ca.internal.CertificateAuthorityService;

class UserCredentialsServiceTest {

    private final CertificateAuthorityService ca = new TestCluster().ca;
    private final RecordingAuditEventRepository audit = new RecordingAuditEventRepository();
    private final KnownUsers users = new KnownUsers()
            .add("alice", List.of("access", "auditor"), List.of("alice", "root"))
            .add("carol", List.of("access"), List.of());
    private final UserCredentialsService issuer = new UserCredentialsService(users, ca, ca, ca, audit);

    @Test
    void bothCertificatesCertifyTheKeyWithTheStoredRolesAndLogins() throws Exception {
        KeyPair key = TestKeys.p256();
        Instant before = Instant.now();

        IssuedUserCredentials issued = issuer.issue("alice", TestKeys.openSsh(key), Duration.ofHours(1), "alice",
                "192.0.2.7");

        assertThat(issued.username()).isEqualTo("alice");
        assertThat(issued.roles()).containsExactly("access", "auditor");
        assertThat(issued.logins()).containsExactly("alice", "root");
        assertThat(issued.sshCertificate().authorizedKey())
                .startsWith("ecdsa-sha2-nistp256-cert-v01@openssh.com ");
        assertThat(issued.sshCertificate().signedBy()).isEqualTo(CaType.USER);
        assertThat(issued.sshCertificate().keyId()).isEqualTo("alice");
        assertThat(issued.sshCertificate().principals()).containsExactly("alice", "root");
        assertThat(issued.sshCertificate().extensions()).containsKeys("permit-pty",
                "permit-port-forwarding", "permit-agent-forwarding").doesNotContainKeys("permit-X11-forwarding",
                "permit-user-rc");

        X509Certificate x509 = issued.x509().certificate();
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=auditor,O=access");
        assertThat(x509.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(x509.getPublicKey().getEncoded()).as("certifies the same key")
                .isEqualTo(key.getPublic().getEncoded());
        x509.verify(ca.authority(CaType.USER).certificate().getPublicKey());

        assertThat(issued.hostCa()).isEqualTo(ca.authority(CaType.HOST));
        assertThat(issued.expiresAt()).isBetween(before.plus(Duration.ofHours(1)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void aLongTtlIsCutToTheCaMaximum() {
        IssuedUserCredentials issued = issuer.issue("alice", TestKeys.openSsh(TestKeys.ed25519()),
                Duration.ofDays(365), "admin", null);

        assertThat(issued.expiresAt()).isBefore(Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void aLoginIsAuditedAsTheUsersOwnWithEachSerial() {
        IssuedUserCredentials issued = issuer.issue("alice", TestKeys.openSsh(TestKeys.ed25519()),
                Duration.ofHours(12), "alice", "192.0.2.7");

        assertThat(audit.events()).extracting(NewAuditEvent::type).containsExactly("cert.create", "cert.create");
        NewAuditEvent ssh = audit.events().get(0);
        assertThat(ssh.username()).isEqualTo("alice");
        assertThat(ssh.clientAddr()).isEqualTo("192.0.2.7");
        assertThat(ssh.resource()).isEqualTo("user/alice");
        assertThat(ssh.action()).isEqualTo("login");
        assertThat(ssh.result()).isEqualTo("success");
        assertThat(ssh.metadata()).isEqualTo("{\"cert_type\":\"ssh_user\",\"ca\":\"user\",\"serial\":\""
                + Long.toUnsignedString(issued.sshCertificate().serial()) + "\",\"key_id\":\"alice\","
                + "\"principals\":[\"alice\",\"root\"],\"valid_after\":\"" + issued.sshCertificate().validAfter()
                + "\",\"valid_before\":\"" + issued.sshCertificate().validBefore() + "\",\"actor\":\"alice\"}");
        NewAuditEvent x509 = audit.events().get(1);
        assertThat(x509.action()).isEqualTo("login");
        assertThat(x509.metadata()).startsWith("{\"cert_type\":\"x509_client\",\"ca\":\"user\",\"serial\":\""
                + issued.x509().certificate().getSerialNumber().toString(16) + "\"")
                .contains("\"subject\":\"CN=alice,O=auditor,O=access\"", "\"actor\":\"alice\"");
    }

    @Test
    void anAdministratorsSigningNamesTheAdministrator() {
        issuer.issue("alice", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1), "karaf", null);

        assertThat(audit.events()).allSatisfy(event -> {
            assertThat(event.username()).isEqualTo("alice");
            assertThat(event.action()).isEqualTo("sign");
            assertThat(event.clientAddr()).isNull();
            assertThat(event.metadata()).contains("\"actor\":\"karaf\"");
        });
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> issuer.issue("mallory", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "karaf", null)).isInstanceOf(NotFoundException.class).hasMessage("user \"mallory\" does not exist");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void aUserWithoutLoginsGetsNoCertificateAndIsToldHowToGetSome() {
        assertThatThrownBy(() -> issuer.issue("carol", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "karaf", null)).isInstanceOf(NoLoginsException.class)
                .hasMessage("user carol has no logins (set them with mezite:user-add --logins ...)");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void aKeyTheCaRefusesIsReportedAndNothingIsAudited() {
        assertThatThrownBy(() -> issuer.issue("alice", "ssh-dss AAAAB3NzaC1kc3MAAACBAP", Duration.ofHours(1),
                "alice", null)).isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageContaining("publicKey");
        assertThat(audit.events()).isEmpty();
    }
}
