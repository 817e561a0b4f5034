package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/** msh login, status and logout against a fake proxy that hands out real certificates. */
class LoginFlowTest {

    @TempDir
    Path tmp;

    private final CertificateAuthorityService cas = TestCas.cluster();
    private final String pin = cas.authority(CaType.HOST).tlsPin();
    private FakeProxy proxy;
    private Path home;

    @BeforeEach
    void startProxy() throws Exception {
        home = tmp.resolve("msh");
        proxy = new FakeProxy(TestCas.proxyIdentity(cas, List.of("localhost"), List.of("127.0.0.1")))
                .answer("/v1/ping", 200, "{\"cluster\":\"test-cluster\",\"version\":\"1\","
                        + "\"proxy_public_addr\":\"127.0.0.1:3080\",\"proxy_ssh_addr\":\"127.0.0.1:3023\","
                        + "\"certificate_authorities\":[{\"type\":\"host\",\"tls_pin\":\"" + pin + "\"}]}")
                .answer("/v1/login", this::certify);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void loginWritesTheKeyCertificatesKnownHostsAndProfile() throws Exception {
        MshRun.Result result = login("correct horse battery\n123456\n");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Logged in to cluster test-cluster as alice.\n")
                .contains("  Logins:       alice, root\n", "  Roles:        access\n")
                .containsPattern("  Valid until:  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(\\d+h[0-9m]*\\)\n");
        assertThat(result.err()).as("prompts go to stderr").contains("Password for alice at " + proxy.address(),
                "Authenticator code:");

        Path key = home.resolve("keys/127.0.0.1/alice");
        assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String publicKey = Files.readString(home.resolve("keys/127.0.0.1/alice.pub")).strip();
        assertThat(publicKey).startsWith("ssh-ed25519 ").endsWith(" alice@test-cluster");
        assertThat(proxy.requests).anySatisfy(request -> assertThat(request).startsWith("POST /v1/login ")
                .contains("\"user\":\"alice\"", "\"password\":\"correct horse battery\"",
                        "\"totp_code\":\"123456\"", publicKey.substring(0, 80)));
        assertThat(Files.readString(home.resolve("keys/127.0.0.1/alice-cert.pub")))
                .startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(Files.readString(home.resolve("keys/127.0.0.1/alice-x509.pem")))
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(home.resolve("known_hosts"))).isEqualTo("@cert-authority"
                + " *.test-cluster,test-cluster,[127.0.0.1]:3023 " + cas.authority(CaType.HOST).authorizedKey()
                + "\n");
        assertThat(Files.readString(home.resolve("profile"))).contains("proxy = " + proxy.address() + "\n",
                "user = alice\n", "cluster = test-cluster\n", "ca_pin = " + pin + "\n",
                "proxy_ssh = 127.0.0.1:3023\n", "key = keys/127.0.0.1/alice\n");
    }

    @Test
    void openSshReadsTheKeyAndTheCertificate() throws Exception {
        login("pw\n123456\n");
        Path key = home.resolve("keys/127.0.0.1/alice");

        String derived = run("ssh-keygen", "-y", "-f", key.toString());
        String listed = run("ssh-keygen", "-L", "-f", home.resolve("keys/127.0.0.1/alice-cert.pub").toString());

        assertThat(derived.strip().split(" ")[1])
                .isEqualTo(Files.readString(key.resolveSibling("alice.pub")).split(" ")[1]);
        assertThat(listed).contains("Type: ssh-ed25519-cert-v01@openssh.com user certificate",
                "Key ID: \"alice\"", "Principals: \n                alice\n                root");
    }

    @Test
    void statusShowsTheCertificatesUserLoginsAndExpiry() {
        login("pw\n123456\n");

        MshRun.Result status = MshRun.run(home, "", "status");

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("Proxy:        " + proxy.address() + " (CA pin " + pin + ")\n",
                "Cluster:      test-cluster\n", "User:         alice\n", "Roles:        access\n",
                "Logins:       alice, root\n", "left)\n");

        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertThat(MshRun.run(home, "", tomorrow, "status").out()).containsPattern("Valid until: .* UTC \\(expired\\)");
    }

    @Test
    void aSecondLoginReplacesTheClustersKnownHostsLineAndRemembersThePin() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("known_hosts"), "@cert-authority *.elsewhere ssh-ed25519 AAAA other\n");
        login("pw\n123456\n");

        MshRun.Result again = MshRun.run(home, "pw\n654321\n", "login", "--proxy", proxy.address());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(home.resolve("known_hosts"))).hasSize(2)
                .first().isEqualTo("@cert-authority *.elsewhere ssh-ed25519 AAAA other");
    }

    @Test
    void theSshProxyIsTheHttpsHostAtTheAnnouncedPortUnlessGiven() throws Exception {
        proxy.answer("/v1/ping", 200, "{\"cluster\":\"test-cluster\",\"version\":\"1\","
                + "\"proxy_public_addr\":\"hub.internal:3080\",\"proxy_ssh_addr\":\"hub.internal:4023\","
                + "\"certificate_authorities\":[{\"type\":\"host\",\"tls_pin\":\"" + pin + "\"}]}");

        login("pw\n123456\n");

        assertThat(Files.readString(home.resolve("profile"))).contains("proxy_ssh = 127.0.0.1:4023\n");
        assertThat(Files.readString(home.resolve("known_hosts"))).contains(",[127.0.0.1]:4023 ");
    }

    @Test
    void sshProxyIsRememberedForLaterLoginsToTheSameProxy() throws Exception {
        MshRun.Result first = MshRun.run(home, "pw\n123456\n", "login", "--proxy", proxy.address(), "--user", "alice",
                "--ca-pin", pin, "--ssh-proxy", "ssh.example.com:2222");
        MshRun.Result again = MshRun.run(home, "pw\n654321\n", "login", "--proxy", proxy.address());
        MshRun.Result bad = MshRun.run(home, "", "login", "--proxy", proxy.address(), "--ssh-proxy", "x:y");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(home.resolve("profile"))).contains("proxy_ssh = ssh.example.com:2222\n");
        assertThat(Files.readString(home.resolve("known_hosts")))
                .startsWith("@cert-authority *.test-cluster,test-cluster,[ssh.example.com]:2222 ");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("msh: --ssh-proxy \"x:y\": the port must be a number from 1 to 65535");
    }

    @Test
    void aRefusedLoginExitsWith1AndTheServersMessageAndWritesNothing() {
        proxy.answer("/v1/login", 401, "{\"error\":\"wrong user name or password\",\"code\":\"bad_credentials\"}");

        MshRun.Result result = login("wrong\n123456\n");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).endsWith("msh: login failed: wrong user name or password\n");
        assertThat(result.out()).isEmpty();
        assertThat(home.resolve("keys")).doesNotExist();
        assertThat(home.resolve("profile")).doesNotExist();
    }

    @Test
    void usageErrorsExitWith2BeforeAnythingIsSent() {
        MshRun.Result noCode = login("only a password\n");
        MshRun.Result noProxy = MshRun.run(home, "", "login", "--user", "alice");
        MshRun.Result both = MshRun.run(home, "", "login", "--proxy", proxy.address(), "--ca-pin", pin,
                "--insecure");

        assertThat(noCode.exitCode()).isEqualTo(2);
        assertThat(noCode.err()).contains("msh: no authenticator code on standard input");
        assertThat(noProxy.exitCode()).isEqualTo(2);
        assertThat(noProxy.err()).contains("msh: --proxy is required");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("msh: --ca-pin and --insecure exclude each other");
        assertThat(proxy.requests).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void logoutRemovesTheKeyCertificatesAndProfile() {
        login("pw\n123456\n");

        MshRun.Result logout = MshRun.run(home, "", "logout");
        MshRun.Result status = MshRun.run(home, "", "status");

        assertThat(logout.exitCode()).isZero();
        assertThat(logout.out()).isEqualTo("Logged out alice from " + proxy.address()
                + ": removed the key and its certificates.\n");
        assertThat(home.resolve("keys/127.0.0.1")).doesNotExist();
        assertThat(home.resolve("profile")).doesNotExist();
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).isEqualTo("msh: not logged in; run msh login --proxy HOST:3080 --user NAME\n");
        assertThat(MshRun.run(home, "", "logout").out()).isEqualTo("Not logged in.\n");
    }

    private MshRun.Result login(String stdin) {
        return MshRun.run(home, stdin, "login", "--proxy", proxy.address(), "--user", "alice", "--ca-pin", pin);
    }

    /** What the real proxy does on a good login, with the real CA. */
    private FakeProxy.Answer certify(String body) {
        String publicKey = JsonValues.parse(body.getBytes(StandardCharsets.UTF_8), "request").string("public_key");
        SshCertificate ssh = cas.sign(new UserCertificateRequest(publicKey, "alice", List.of("access"),
                List.of("alice", "root"), Set.of(), Duration.ofHours(12), Map.of()));
        IssuedX509Certificate x509 = cas.issue(publicKey, new X509CertificateRequest(CaType.USER, "alice",
                List.of("access"), List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(12)));
        String json = new String(JsonValues.object(out -> {
            out.writeStringField("ssh_certificate", ssh.authorizedKey());
            out.writeStringField("x509_certificate", x509.certificatePem());
            out.writeStringField("host_ca", cas.authority(CaType.HOST).authorizedKey());
            out.writeStringField("cluster", "test-cluster");
            out.writeStringField("user", "alice");
            out.writeArrayFieldStart("roles");
            out.writeString("access");
            out.writeEndArray();
            out.writeArrayFieldStart("logins");
            out.writeString("alice");
            out.writeString("root");
            out.writeEndArray();
            out.writeStringField("expires", ssh.validBefore().toString());
        }), StandardCharsets.UTF_8);
        return new FakeProxy.Answer(200, json);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
