package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests outside the API's happy paths still get JSON with a status that says what is wrong. */
class ApiErrorsTest {

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
    void anUnknownPathIsA404() throws Exception {
        ApiClient.Reply reply = proxy.client.get("/v1/nothing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("code").asText()).isEqualTo("not_found");
        assertThat(reply.body().get("error").asText()).isEqualTo("no such endpoint: GET /v1/nothing");
    }

    @Test
    void theWrongMethodIsA405() throws Exception {
        ApiClient.Reply reply = proxy.client.get("/v1/login");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body().get("error").asText()).isEqualTo("GET is not allowed here; use POST");
    }

    @Test
    void aBodyOverTheLimitIsA413WhetherDeclaredOrNot() throws Exception {
        String large = "{\"user\":\"" + "a".repeat(ApiHandler.MAX_BODY) + "\"}";

        ApiClient.Reply declared = proxy.client.post("/v1/login", large);
        ApiClient.Reply streamed = proxy.client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                + proxy.address.getPort() + "/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large.getBytes())))); // chunked: no length

        for (ApiClient.Reply reply : List.of(declared, streamed)) {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.body().get("code").asText()).isEqualTo("too_large");
        }
        assertThat(proxy.users.logins).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsA415() throws Exception {
        ApiClient.Reply reply = proxy.client.post("/v1/login", "user=alice", "application/x-www-form-urlencoded");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body().get("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        ApiClient.Reply reply = proxy.client.post("/v1/login", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asText()).isEqualTo("the request body is empty: expected a JSON object");
    }

    @Test
    void errorsJettyAnswersItselfAreJsonWithoutServerDetails() throws Exception {
        ApiClient.Reply reply = proxy.client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                + proxy.address.getPort() + "/v1/ping")).header("X-Large", "x".repeat(20_000)).GET());

        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.body().get("code").asText()).isEqualTo("http_431");
        assertThat(reply.raw()).doesNotContain("jetty", "Jetty", "at org.");
    }
}
