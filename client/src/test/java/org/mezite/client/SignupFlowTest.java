package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.store.CaType;

/** msh signup against a fake proxy. */
class SignupFlowTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path home;

    private final String pin = TestCas.cluster().authority(CaType.HOST).tlsPin();
    private FakeProxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new FakeProxy(TestCas.proxyIdentity(TestCas.cluster(), List.of("localhost"), List.of("127.0.0.1")))
                .answer("/v1/ping", 200, "{\"cluster\":\"test-cluster\",\"version\":\"1\","
                        + "\"proxy_public_addr\":\"127.0.0.1:3080\",\"proxy_ssh_addr\":\"127.0.0.1:3023\"}")
                .answer("/v1/signup/" + TOKEN, 200, "{\"user\":\"bob\",\"totp_secret\":\"" + SECRET + "\","
                        + "\"otpauth_uri\":\"otpauth://totp/Mezite:bob%40test-cluster?secret=" + SECRET
                        + "&issuer=Mezite\",\"expires\":\"2030-01-01T00:00:00Z\"}")
                .answer("/v1/signup", 200, "{\"user\":\"bob\"}");
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void showsTheSecretThenSendsThePasswordAndCode() {
        MshRun.Result result = signup("a long enough password\na long enough password\n123456\n");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Signing up bob on cluster test-cluster.",
                "  Secret: " + SECRET + "\n", "  URI:    otpauth://totp/Mezite:bob%40test-cluster?secret=" + SECRET,
                "Signed up bob. Log in with:\n  msh login --proxy " + proxy.address() + " --user bob --ca-pin " + pin
                        + "\n");
        assertThat(result.out()).as("no QR code when standard output is not a terminal").doesNotContain("\u2580");
        assertThat(proxy.requests).contains("POST /v1/signup {\"token\":\"" + TOKEN
                + "\",\"password\":\"a long enough password\",\"totp_code\":\"123456\"}");
    }

    @Test
    void passwordsThatDifferAreAUsageErrorWhenNotOnATerminal() {
        MshRun.Result result = signup("a long enough password\nanother password\n123456\n");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("msh: the two passwords on standard input differ");
        assertThat(proxy.requests).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void aRefusalExitsWith1AndTheServersMessage() {
        proxy.answer("/v1/signup", 400, "{\"error\":\"password is too short: it needs at least 12 characters, this"
                + " one has 5\",\"code\":\"password_rejected\"}");

        MshRun.Result result = signup("short\nshort\n123456\n");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).endsWith("msh: signup failed: password is too short: it needs at least 12"
                + " characters, this one has 5\n");
    }

    @Test
    void anUnknownTokenIsReportedBeforeAnyQuestion() {
        MshRun.Result result = MshRun.run(home, "", "signup", "--proxy", proxy.address(), "--ca-pin", pin,
                "--token", TOKEN.replace('0', 'f'));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("msh: signup failed: no such endpoint");
        assertThat(result.err()).doesNotContain("password");
    }

    @Test
    void aMalformedTokenIsAUsageError() {
        MshRun.Result result = MshRun.run(home, "", "signup", "--proxy", proxy.address(), "--token", "abc/../x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("msh: --token: expected the 64 hex digits of an invite");
        assertThat(proxy.requests).isEmpty();
    }

    private MshRun.Result signup(String stdin) {
        return MshRun.run(home, stdin, "signup", "--proxy", proxy.address(), "--ca-pin", pin, "--token", TOKEN);
    }
}
