package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.sshd.certificate.OpenSshCertificateBuilder;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mezite.api.access.SshUser;

/** The certificates the real CA never makes, from a CA of the test's own. */
class UserCertificateCheckTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final KeyPair CA = TestHub.newKey();
    private static final KeyPair USER_KEY = TestHub.newKey();

    private final UserCertificateCheck check = new UserCertificateCheck("test-cluster",
            () -> PublicKeyEntry.toString(CA.getPublic()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsTheUserFromTheCertificate() throws Exception {
        SshUser user = check.check(certificate(OpenSshCertificateBuilder.userCertificate().id("alice@laptop")
                .principals(List.of("ubuntu", "alice")).serial(42)
                .extensions(Map.of("mezite-user@mezite.org", "alice", "mezite-roles@mezite.org", "dev, ops,",
                        "permit-pty", ""))));
        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.roles()).containsExactly("dev", "ops");
        assertThat(user.logins()).containsExactly("ubuntu", "alice");
        assertThat(user.extensions()).containsExactlyInAnyOrder("mezite-user@mezite.org", "mezite-roles@mezite.org",
                "permit-pty");
        assertThat(user.validBefore()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(user.serial()).isEqualTo(42);
    }

    @Test
    void readsTheTraitsKeepingTheirOrderAndTakingASingleStringAsAListOfOne() throws Exception {
        SshUser user = check.check(certificate(OpenSshCertificateBuilder.userCertificate().id("alice")
                .principals(List.of("alice")).extensions(Map.of("mezite-traits@mezite.org",
                        "{\"logins\":[\"alice\",\"ubuntu\"],\"team\":\"dev\",\"groups\":[],\"none\":null}"))));
        assertThat(user.traits()).containsExactly(Map.entry("logins", List.of("alice", "ubuntu")),
                Map.entry("team", List.of("dev")), Map.entry("groups", List.of()), Map.entry("none", List.of()));
    }

    @Test
    void aCertificateWithoutTraitsHasNone() throws Exception {
        SshUser user = check.check(certificate(OpenSshCertificateBuilder.userCertificate().id("alice")
                .principals(List.of("alice"))));
        assertThat(user.traits()).isEmpty();
    }

    @Test
    void refusesTraitsThatAreNotAStringListNamingTheTrait() {
        assertThatThrownBy(() -> check.check(certificate(OpenSshCertificateBuilder.userCertificate().id("alice")
                .principals(List.of("alice")).extensions(Map.of("mezite-traits@mezite.org",
                        "{\"logins\":[\"alice\"],\"team\":[1]}")))))
                .isInstanceOf(CertificateRefusedException.class)
                .hasMessage("certificate \"alice\" (serial 0) carries traits that cannot be read"
                        + " (mezite-traits@mezite.org: trait \"team\" must be a list of strings, but holds a number);"
                        + " msh login gets a new certificate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not json                        | not valid JSON",
        "[\"alice\"]                     | not a JSON object",
        "{\"a\":[\"x\"],\"a\":[\"y\"]}       | not valid JSON: Duplicate field 'a'",
        "{\"a\":[\"x\"]} {}               | text after the JSON object",
        "{\"a\":[[\"x\"]]}                | trait \"a\" must be a list of strings, but holds a list",
        "{\"a\":{\"b\":\"c\"}}              | trait \"a\" must be a list of strings, not an object",
        "{\"a\":true}                    | trait \"a\" must be a list of strings, not a boolean",
        "{\"a\":[\"x\",null]}             | trait \"a\" must be a list of strings, but holds null",
        "{\"a\":[\"x\"]                   | not valid JSON"})
    void refusesMalformedTraitsSayingWhatIsWrong(String traits, String reason) {
        assertThatThrownBy(() -> CertificateTraits.parse(traits)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void takesTheKeyIdAsTheUserWithoutTheMeziteExtension() throws Exception {
        SshUser user = check.check(certificate(OpenSshCertificateBuilder.userCertificate().id("bob")
                .principals(List.of("bob"))));
        assertThat(user.username()).isEqualTo("bob");
        assertThat(user.roles()).isEmpty();
    }

    @Test
    void refusesACertificateWithoutPrincipals() {
        assertThatThrownBy(() -> check.check(certificate(OpenSshCertificateBuilder.userCertificate().id("eve"))))
                .isInstanceOf(CertificateRefusedException.class)
                .hasMessage("certificate \"eve\" (serial 0) names no login (it has no principals)");
    }

    @Test
    void refusesAHostCertificate() {
        assertThatThrownBy(() -> check.check(certificate(OpenSshCertificateBuilder.hostCertificate().id("node-01")
                .principals(List.of("node-01")))))
                .hasMessageContaining("is a host certificate, not a user certificate");
    }

    @Test
    void refusesACertificateNotYetValid() {
        assertThatThrownBy(() -> check.check(OpenSshCertificateBuilder.userCertificate().id("alice")
                .principals(List.of("alice")).publicKey(USER_KEY.getPublic())
                .validAfter(NOW.plusSeconds(60)).validBefore(NOW.plusSeconds(3600)).sign(CA)))
                .hasMessageContaining("is not valid before " + NOW.plusSeconds(60));
    }

    @Test
    void acceptsACertificateValidForever() throws Exception {
        SshUser user = check.check(OpenSshCertificateBuilder.userCertificate().id("robot")
                .principals(List.of("deploy")).publicKey(USER_KEY.getPublic())
                .validAfter(OpenSshCertificate.MIN_EPOCH).validBefore(OpenSshCertificate.INFINITY).sign(CA));
        assertThat(user.validBefore()).isEqualTo(Instant.MAX);
    }

    private static OpenSshCertificate certificate(OpenSshCertificateBuilder builder) throws Exception {
        return builder.publicKey(USER_KEY.getPublic()).validAfter(NOW.minusSeconds(60))
                .validBefore(NOW.plusSeconds(3600)).sign(CA);
    }
}
