package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.auth.SignupException;

class SignupApiTest {

    private RunningProxy proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = new RunningProxy();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void theChallengeGivesTheSecretAndTheOtpauthUri() throws Exception {
        ApiClient.Reply reply = proxy.client.get("/v1/signup/" + FakeLocalUsers.TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("user").asText()).isEqualTo("bob");
        assertThat(reply.body().get("totp_secret").asText()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        assertThat(reply.body().get("otpauth_uri").asText()).startsWith("otpauth://totp/Mezite:bob");
        assertThat(reply.body().get("expires").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(reply.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void anUnknownTokenIsA404() throws Exception {
        ApiClient.Reply reply = proxy.client.get("/v1/signup/nosuchtoken");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("code").asText()).isEqualTo("unknown_token");
        assertThat(reply.body().get("error").asText()).isEqualTo("unknown invite token");
    }

    @Test
    void signupSetsThePasswordAndCodeAndNamesTheUser() throws Exception {
        ApiClient.Reply reply = proxy.client.post("/v1/signup", "{\"token\":\"" + FakeLocalUsers.TOKEN
                + "\",\"password\":\"a long enough password\",\"totp_code\":\"123456\"}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().get("user").asText()).isEqualTo("bob");
        assertThat(proxy.users.signups).containsExactly(
                new FakeLocalUsers.Attempt(null, "a long enough password", "123456", "127.0.0.1"));
        assertThat(proxy.users.passwordsSeen.get(0)).containsOnly('\0');
    }

    @Test
    void eachRefusalHasItsStatusAndCode() throws Exception {
        assertRefusal(SignupException.Reason.PASSWORD_REJECTED, 400, "password_rejected");
        assertRefusal(SignupException.Reason.WRONG_CODE, 401, "wrong_code");
        assertRefusal(SignupException.Reason.USED_TOKEN, 410, "used_token");
        assertRefusal(SignupException.Reason.EXPIRED_TOKEN, 410, "expired_token");
    }

    private void assertRefusal(SignupException.Reason reason, int status, String code) throws Exception {
        proxy.users.signupRefusal = new SignupException(reason, "because " + reason);

        ApiClient.Reply reply = proxy.client.post("/v1/signup", "{\"token\":\"" + FakeLocalUsers.TOKEN
                + "\",\"password\":\"pw\",\"totp_code\":\"123456\"}");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().get("code").asText()).isEqualTo(code);
        assertThat(reply.body().get("error").asText()).isEqualTo("because " + reason);
    }
}
