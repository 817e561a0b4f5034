package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserPermission;
import org.mezite.api.store.CaType;

/** What the signers make of requests, and how they refuse bad ones. */
class CertificateRequestTest {

    private static final Instant NOW = Instant.parse("2031-01-02T03:04:05Z");
    private static final String KEY = "ssh-ed25519 " + Base64.getEncoder().encodeToString(
            new SshWriter().string("ssh-ed25519").string(new byte[32]).toByteArray()) + " alice@laptop";

    private final CertificateAuthorityService cas = TestCas.start(new InMemoryCertificateAuthorityRepository(),
            Map.of(CaSettings.USER_MAX_TTL, "2h", CaSettings.HOST_MAX_TTL, "7d"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aUserCertificateCarriesLoginsPermissionsUserRolesAndCluster() {
        SshCertificate certificate = cas.sign(user(List.of("alice", "root", "alice"), Duration.ofMinutes(30),
                EnumSet.allOf(UserPermission.class)));

        assertThat(certificate.signedBy()).isEqualTo(CaType.USER);
        assertThat(certificate.keyId()).isEqualTo("alice");
        assertThat(certificate.principals()).containsExactly("alice", "root");
        assertThat(certificate.validAfter()).isEqualTo(NOW.minusSeconds(60));
        assertThat(certificate.validBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(certificate.extensions()).containsOnlyKeys("permit-pty", "permit-port-forwarding",
                "permit-agent-forwarding", "permit-X11-forwarding", "permit-user-rc", "mezite-user@mezite.org",
                "mezite-roles@mezite.org", "mezite-cluster@mezite.org");
        assertThat(certificate.extensions().get("mezite-roles@mezite.org")).isEqualTo("access,dev");
        assertThat(certificate.authorizedKey()).startsWith("ssh-ed25519-cert-v01@openssh.com AAAA").endsWith(" alice");
    }

    @Test
    void withoutPermissionsOnlyAPtyIsPermitted() {
        SshCertificate certificate = cas.sign(user(List.of("alice"), Duration.ofMinutes(30), Set.of()));

        assertThat(certificate.extensions()).containsOnlyKeys("permit-pty", "mezite-user@mezite.org",
                "mezite-roles@mezite.org", "mezite-cluster@mezite.org");
    }

    @Test
    void theTtlIsCutToTheConfiguredMaximum() {
        assertThat(cas.sign(user(List.of("alice"), Duration.ofHours(24), Set.of())).validBefore())
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(cas.sign(host("node-01", "node-01", List.of(), Duration.ofDays(365))).validBefore())
                .isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void serialsAreRandomAndPositive() {
        Set<Long> serials = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            serials.add(cas.sign(user(List.of("alice"), Duration.ofMinutes(1), Set.of())).serial());
        }
        assertThat(serials).hasSize(50).allMatch(serial -> serial > 0);
    }

    @Test
    void aHostCertificateNamesTheNodeIdHostnameAndOtherNamesOnce() {
        SshCertificate certificate = cas.sign(host("3f2a", "node-01", List.of("node-01", "10.0.0.5", "3f2a"),
                Duration.ofHours(1)));

        assertThat(certificate.signedBy()).isEqualTo(CaType.HOST);
        assertThat(certificate.keyId()).isEqualTo("3f2a");
        assertThat(certificate.principals()).containsExactly("3f2a", "node-01", "10.0.0.5");
        assertThat(certificate.extensions()).containsOnlyKeys("mezite-cluster@mezite.org");
    }

    @Test
    void badUserRequestsAreRefusedNamingTheField() {
        assertRefused(() -> cas.sign(user(List.of(), Duration.ofHours(1), Set.of())),
                "logins: at least one is required (a certificate without principals is valid for any)");
        assertRefused(() -> cas.sign(user(List.of("ro ot"), Duration.ofHours(1), Set.of())),
                "logins: \"ro ot\" contains a space or a comma");
        assertRefused(() -> cas.sign(user(List.of("alice"), Duration.ZERO, Set.of())),
                "ttl: must be positive, got PT0S");
        assertRefused(() -> cas.sign(user(List.of("alice"), Duration.ofMinutes(-5), Set.of())),
                "ttl: must be positive, got PT-5M");
        assertRefused(() -> cas.sign(user(List.of("alice"), null, Set.of())), "ttl: is required (at most 2h)");
        assertRefused(() -> cas.sign(new UserCertificateRequest(KEY, "", List.of(), List.of("alice"), Set.of(),
                Duration.ofHours(1), Map.of())), "user: must not be empty");
        assertRefused(() -> cas.sign(new UserCertificateRequest(KEY, "alice", List.of("a,b"), List.of("alice"),
                Set.of(), Duration.ofHours(1), Map.of())), "roles: \"a,b\" contains a space or a comma");
        assertRefused(() -> cas.sign(new UserCertificateRequest(KEY, "al\nice", List.of(), List.of("alice"),
                Set.of(), Duration.ofHours(1), Map.of())), "user: \"al?ice\" contains control characters");
        assertRefused(() -> cas.sign(user(IntStream.range(0, 257).mapToObj(i -> "u" + i).toList(),
                Duration.ofHours(1), Set.of())), "logins: 257 given, OpenSSH accepts at most 256");
        assertRefused(() -> cas.sign(new UserCertificateRequest(KEY, "alice", List.of(), List.of("alice"),
                Set.of(), Duration.ofHours(1), Map.of("", List.of("x")))), "traits (a name): must not be empty");
        assertRefused(() -> cas.sign((UserCertificateRequest) null), "request: is required");
    }

    @Test
    void badHostRequestsAreRefusedNamingTheField() {
        assertRefused(() -> cas.sign(host("", "node-01", List.of(), Duration.ofHours(1))),
                "nodeId: must not be empty");
        assertRefused(() -> cas.sign(host("n1", null, List.of(), Duration.ofHours(1))),
                "hostname: must not be empty");
        assertRefused(() -> cas.sign(host("n1", "node-01", List.of("a b"), Duration.ofHours(1))),
                "additionalNames: \"a b\" contains a space or a comma");
        assertRefused(() -> cas.sign(host("n1", "node-01", List.of(), Duration.ofSeconds(-1))),
                "ttl: must be positive, got PT-1S");
    }

    private static UserCertificateRequest user(List<String> logins, Duration ttl, Set<UserPermission> permissions) {
        return new UserCertificateRequest(KEY, "alice", List.of("access", "dev"), logins, permissions, ttl,
                Map.of());
    }

    private static HostCertificateRequest host(String nodeId, String hostname, List<String> names, Duration ttl) {
        return new HostCertificateRequest(KEY, nodeId, hostname, names, ttl);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidCertificateRequestException.class).hasMessage(message);
    }
}
