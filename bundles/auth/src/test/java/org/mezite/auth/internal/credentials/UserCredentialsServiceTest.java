package org.mezite.auth.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.LockedException;
import org.mezite.api.auth.IssuedUserCredentials;
import org.mezite.api.auth.NoLoginsException;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.store.CaType;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.auth.internal.join.TestCluster;
import org.mezite.auth.internal.testing.FakeAccessChecker;
import org.mezite.auth.internal.testing.RecordingAuditEventRepository;
import org.mezite.auth.internal.testing.TestKeys;
import org.mezite.ca.internal.CertificateAuthorityService;

class UserCredentialsServiceTest {

    private final CertificateAuthorityService ca = new TestCluster().ca;
    private final RecordingAuditEventRepository audit = new RecordingAuditEventRepository();
    private final KnownUsers users = new KnownUsers()
            .add("alice", List.of("access", "auditor"), List.of("alice", "root"))
            .add("carol", List.of("access"), List.of())
            .add("dave", List.of("dev"), Map.of("logins", List.of("dave"), "team", List.of("platform", "sre")));
    private final FakeAccessChecker access = new FakeAccessChecker()
            .allow("alice", List.of("alice", "root"), FakeAccessChecker.options(Duration.ofHours(12), true, true));
    private final UserCredentialsService issuer = new UserCredentialsService(users, access, ca, ca, ca, audit);

    @Test
    void bothCertificatesCertifyTheKeyWithTheStoredRolesAndTheLoginsTheRolesAllow() throws Exception {
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
        assertThat(access.questions()).containsExactly(new FakeAccessChecker.Question("alice",
                List.of("access", "auditor"), Map.of("logins", List.of("alice", "root"))));
    }

    @Test
    void thePrincipalsAreTheLoginsTheRolesAllowNotTheTraitAlone() {
        access.allow("dave", List.of("dave", "ubuntu"), FakeAccessChecker.options(Duration.ofHours(12), false, false));

        IssuedUserCredentials issued = issuer.issue("dave", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "dave", null);

        assertThat(issued.logins()).containsExactly("dave", "ubuntu");
        assertThat(issued.sshCertificate().principals()).containsExactly("dave", "ubuntu");
    }

    @Test
    void theTraitsTravelInTheSshCertificate() {
        IssuedUserCredentials issued = issuer.issue("dave", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "dave", null);

        assertThat(issued.sshCertificate().extensions()).containsEntry("mezite-traits@mezite.org",
                "{\"logins\":[\"dave\"],\"team\":[\"platform\",\"sre\"]}");
    }

    @Test
    void forwardingIsPermittedOnlyWhereTheRolesOptionsAllowIt() {
        String key = TestKeys.openSsh(TestKeys.ed25519());
        access.allow("dave", List.of("dave"), FakeAccessChecker.options(Duration.ofHours(12), false, false));
        assertThat(issuer.issue("dave", key, Duration.ofHours(1), "dave", null).sshCertificate().extensions())
                .containsKey("permit-pty").doesNotContainKeys("permit-port-forwarding", "permit-agent-forwarding");

        access.allow("dave", List.of("dave"), FakeAccessChecker.options(Duration.ofHours(12), false, true));
        assertThat(issuer.issue("dave", key, Duration.ofHours(1), "dave", null).sshCertificate().extensions())
                .containsKeys("permit-pty", "permit-port-forwarding").doesNotContainKey("permit-agent-forwarding");

        access.allow("dave", List.of("dave"), FakeAccessChecker.options(Duration.ofHours(12), true, false));
        assertThat(issuer.issue("dave", key, Duration.ofHours(1), "dave", null).sshCertificate().extensions())
                .containsKeys("permit-pty", "permit-agent-forwarding").doesNotContainKey("permit-port-forwarding");
    }

    @Test
    void bothCertificatesLiveAtMostTheRolesMaxSessionTtl() {
        access.allow("dave", List.of("dave"), FakeAccessChecker.options(Duration.ofHours(2), false, false));
        Instant before = Instant.now();

        IssuedUserCredentials issued = issuer.issue("dave", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(8),
                "dave", null);

        Instant latest = Instant.now().plus(Duration.ofHours(2));
        assertThat(issued.sshCertificate().validBefore()).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1),
                latest);
        assertThat(issued.x509().certificate().getNotAfter().toInstant())
                .isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1), latest);
    }

    @Test
    void aShorterTtlThanTheRolesMaximumIsKept() {
        access.allow("dave", List.of("dave"), FakeAccessChecker.options(Duration.ofHours(2), false, false));
        Instant before = Instant.now();

        IssuedUserCredentials issued = issuer.issue("dave", TestKeys.openSsh(TestKeys.ed25519()),
                Duration.ofMinutes(30), "dave", null);

        assertThat(issued.expiresAt()).isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(30)));
    }

    @Test
    void aLockedUserGetsNoCertificateAndTheRefusalIsAudited() {
        Lock lock = new Lock("7f0c", new LockTarget(LockTargetKind.USER, "alice"), "security incident, call the SOC",
                null, "admin", Instant.now());
        access.lock("alice", lock);

        assertThatThrownBy(() -> issuer.issue("alice", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "alice", "192.0.2.7")).isInstanceOfSatisfying(LockedException.class, e -> {
                    assertThat(e).hasMessage("locked (user=alice): security incident, call the SOC");
                    assertThat(e.lock()).isEqualTo(lock);
                });

        assertThat(audit.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("cert.create");
            assertThat(event.result()).isEqualTo("failure");
            assertThat(event.username()).isEqualTo("alice");
            assertThat(event.clientAddr()).isEqualTo("192.0.2.7");
            assertThat(event.resource()).isEqualTo("user/alice");
            assertThat(event.action()).isEqualTo("login");
            assertThat(event.metadata()).isEqualTo("{\"lock_id\":\"7f0c\",\"lock_target\":\"user=alice\","
                    + "\"success\":false,\"error\":\"locked\","
                    + "\"reason\":\"locked (user=alice): security incident, call the SOC\",\"actor\":\"alice\"}");
        });
    }

    @Test
    void aLockOnARoleRefusesAnAdministratorsSigningToo() {
        access.lock("dave", new Lock("9a1b", new LockTarget(LockTargetKind.ROLE, "dev"), null, null, "admin",
                Instant.now()));

        assertThatThrownBy(() -> issuer.issue("dave", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "karaf", null)).isInstanceOf(LockedException.class).hasMessage("locked (role=dev)");
        assertThat(audit.events()).singleElement().satisfies(event -> {
            assertThat(event.result()).isEqualTo("failure");
            assertThat(event.action()).isEqualTo("sign");
            assertThat(event.metadata()).contains("\"reason\":\"locked (role=dev)\"", "\"actor\":\"karaf\"");
        });
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
    void aUserWhoseRolesAllowNoLoginsGetsNoCertificateAndIsToldHowToGetSome() {
        assertThatThrownBy(() -> issuer.issue("carol", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "karaf", null)).isInstanceOf(NoLoginsException.class)
                .hasMessageStartingWith("user carol has no logins: none of their roles allows one");
        assertThat(audit.events()).isEmpty();

        access.allow("dave", List.of(), FakeAccessChecker.options(Duration.ofHours(12), true, true));
        assertThatThrownBy(() -> issuer.issue("dave", TestKeys.openSsh(TestKeys.ed25519()), Duration.ofHours(1),
                "dave", null)).isInstanceOf(NoLoginsException.class);
    }

    @Test
    void aKeyTheCaRefusesIsReportedAndNothingIsAudited() {
        assertThatThrownBy(() -> issuer.issue("alice", "ssh-dss AAAAB3NzaC1kc3MAAACBAP", Duration.ofHours(1),
                "alice", null)).isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageContaining("publicKey");
        assertThat(audit.events()).isEmpty();
    }
}
