package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.LockedException;
import org.mezite.api.auth.LoginFailure;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.NoLoginsException;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.store.CaType;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

import com.fasterxml.jackson.databind.JsonNode;

class LoginApiTest {

    private RunningProxy proxy;
    private KeyPair key;
    private String publicKey;

    @BeforeEach
    void start() throws Exception {
        proxy = new RunningProxy();
        key = TestKeys.ed25519();
        publicKey = TestKeys.openSsh(key.getPublic());
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aGoodLoginReturnsAnSshAndAnX509CertificateForTheKeyAndTheHostCa() throws Exception {
        Instant before = Instant.now();
        ApiClient.Reply reply = login("alice", "correct horse battery", "123456", publicKey, null);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("ssh_certificate").asText()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(body.get("host_ca").asText()).isEqualTo(proxy.cas.authority(CaType.HOST).authorizedKey());
        assertThat(body.get("cluster").asText()).isEqualTo(TestHub.CLUSTER);
        assertThat(body.get("user").asText()).isEqualTo("alice");
        assertThat(texts(body.get("roles"))).containsExactly("access");
        assertThat(texts(body.get("logins"))).containsExactly("alice", "root");
        Instant expires = Instant.parse(body.get("expires").asText());
        assertThat(expires).isBetween(before.plus(Duration.ofHours(12)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(12)));

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(body.get("x509_certificate").asText().getBytes(StandardCharsets.US_ASCII)));
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=access");
        assertThat(x509.getIssuerX500Principal())
                .isEqualTo(proxy.cas.authority(CaType.USER).certificate().getSubjectX500Principal());
        assertThat(TestKeys.point(x509.getPublicKey())).as("certifies the same key")
                .isEqualTo(TestKeys.point(key.getPublic()));
        assertThat(x509.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        x509.verify(proxy.cas.authority(CaType.USER).certificate().getPublicKey());

        FakeLocalUsers.Attempt attempt = proxy.users.logins.get(0);
        assertThat(attempt).isEqualTo(new FakeLocalUsers.Attempt("alice", "correct horse battery", "123456",
                "127.0.0.1"));
        assertThat(proxy.users.passwordsSeen.get(0)).as("the password is wiped after the check").containsOnly('\0');
    }

    @Test
    void theCertificatesAreIssuedForTheAuthenticatedUserAsTheirOwnLogin() throws Exception {
        login("alice", "correct horse battery", "123456", publicKey, "1h");

        assertThat(proxy.issuer.issued).containsExactly(new FakeCredentialsIssuer.Issue("alice", publicKey,
                Duration.ofHours(1), "alice", "127.0.0.1"));
    }

    @Test
    void theTtlAskedForIsUsedAndCutToTheCaMaximum() throws Exception {
        Instant shortOne = Instant.parse(login("alice", "pw", "123456", publicKey, "30m").body().get("expires")
                .asText());
        assertThat(shortOne).isBefore(Instant.now().plus(Duration.ofMinutes(31)));

        Instant longOne = Instant.parse(login("alice", "pw", "123456", publicKey, "1000h").body().get("expires")
                .asText());
        assertThat(longOne).isBefore(Instant.now().plus(Duration.ofHours(12)).plusSeconds(1));
    }

    @Test
    void eachRefusalIsA401WithTheAuthenticatorsMessageAndReason() throws Exception {
        for (LoginFailure reason : List.of(LoginFailure.BAD_CREDENTIALS, LoginFailure.WRONG_CODE,
                LoginFailure.REUSED_CODE, LoginFailure.LOCKED, LoginFailure.NO_PASSWORD)) {
            proxy.users.next = new LoginResult.Failure(reason, "message for " + reason);

            ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().get("error").asText()).isEqualTo("message for " + reason);
            assertThat(reply.body().get("code").asText()).isEqualTo(reason.name().toLowerCase());
        }
        assertThat(proxy.issuer.issued).as("no certificate was asked for").isEmpty();
    }

    @Test
    void aServerErrorOfTheAuthenticatorIsA500() throws Exception {
        proxy.users.next = new LoginResult.Failure(LoginFailure.SERVER_ERROR, "login failed because of a problem");

        ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().get("code").asText()).isEqualTo("server_error");
    }

    @Test
    void aUserWithoutLoginsGetsNoCertificate() throws Exception {
        proxy.users.next = FakeLocalUsers.success("carol", List.of("access"), List.of());
        proxy.issuer.refusal = new NoLoginsException("carol");

        ApiClient.Reply reply = login("carol", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().get("code").asText()).isEqualTo("no_logins");
        assertThat(reply.body().get("error").asText()).contains("carol has no logins");
    }

    @Test
    void aLockedUserIsRefusedWithTheLocksMessage() throws Exception {
        proxy.issuer.refusal = new LockedException(new Lock("7f0c", new LockTarget(LockTargetKind.USER, "alice"),
                "security incident, call the SOC", null, "admin", Instant.now()));

        ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().get("code").asText()).isEqualTo("locked");
        assertThat(reply.body().get("error").asText())
                .isEqualTo("locked (user=alice): security incident, call the SOC");
        assertThat(reply.body().has("ssh_certificate")).isFalse();
    }

    @Test
    void aLockOnARoleWithoutAMessageNamesTheRole() throws Exception {
        proxy.issuer.refusal = new LockedException(new Lock("9a1b", new LockTarget(LockTargetKind.ROLE, "dev"), null,
                null, "admin", Instant.now()));

        ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().get("code").asText()).isEqualTo("locked");
        assertThat(reply.body().get("error").asText()).isEqualTo("locked (role=dev)");
    }

    @Test
    void aCaRefusalIsA500ThatPointsToTheLog() throws Exception {
        proxy.issuer.refusal = new InvalidCertificateRequestException("user: \"al ice\" is not a valid key id");

        ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().get("code").asText()).isEqualTo("certificate_refused");
        assertThat(reply.body().get("error").asText()).contains("hub's log");
    }

    @Test
    void aBadKeyOrTtlIsRefusedBeforeTheCredentialsAreChecked() throws Exception {
        ApiClient.Reply rsa = login("alice", "pw", "123456", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ", null);
        ApiClient.Reply garbage = login("alice", "pw", "123456", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==", null);
        ApiClient.Reply ttl = login("alice", "pw", "123456", publicKey, "forever");

        assertThat(rsa.status()).isEqualTo(400);
        assertThat(rsa.body().get("error").asText()).startsWith("public_key: expected an OpenSSH ssh-ed25519");
        assertThat(garbage.body().get("error").asText()).isEqualTo("public_key: the ssh-ed25519 key is malformed");
        assertThat(ttl.status()).isEqualTo(400);
        assertThat(ttl.body().get("error").asText()).startsWith("ttl: \"forever\" is not a duration");
        assertThat(proxy.users.logins).as("no authenticator code was used up").isEmpty();
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        ApiClient.Reply reply = proxy.client.post("/v1/login", "{\"user\":\"alice\",\"password\":\"pw\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("totp_code: required");
        assertThat(reply.body().get("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void malformedJsonIsA400ThatDoesNotRepeatTheInput() throws Exception {
        ApiClient.Reply reply = proxy.client.post("/v1/login", "{\"user\":\"alice\",\"password\":secretpassword}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).startsWith("the request body is not valid JSON (line 1,");
        assertThat(reply.raw()).doesNotContain("secretpassword");

        ApiClient.Reply wrongType = proxy.client.post("/v1/login", "{\"user\":[\"alice\"]}");
        assertThat(wrongType.body().get("error").asText()).isEqualTo("user: wrong type of value");
    }

    @Test
    void withoutLocalUsersLoginIsUnavailableButTheListenerStays() throws Exception {
        proxy.server.unbindLocalAuthenticator(proxy.users);

        ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body().get("code").asText()).isEqualTo("unavailable");
        assertThat(proxy.client.get("/v1/ping").status()).isEqualTo(200);
    }

    @Test
    void withoutAuthsIssuerLoginIsUnavailableAndNoCodeIsUsedUp() throws Exception {
        proxy.server.unbindUserCredentialsIssuer(proxy.issuer);

        ApiClient.Reply reply = login("alice", "pw", "123456", publicKey, null);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body().get("error").asText()).contains("does not issue certificates");
        assertThat(proxy.users.logins).isEmpty();
        assertThat(proxy.client.get("/v1/ping").status()).isEqualTo(200);
    }

    private ApiClient.Reply login(String user, String password, String code, String key, String ttl)
            throws Exception {
        String body = "{\"user\":\"" + user + "\",\"password\":\"" + password + "\",\"totp_code\":\"" + code
                + "\",\"public_key\":\"" + key + "\"" + (ttl == null ? "" : ",\"ttl\":\"" + ttl + "\"") + "}";
        return proxy.client.post("/v1/login", body);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
