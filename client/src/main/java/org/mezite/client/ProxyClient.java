package org.mezite.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLException;

/** The proxy's HTTPS API ({@code /v1/...}) as msh calls it. */
final class ProxyClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** {@code GET /v1/ping}. */
    record Ping(String cluster, String version, String proxyPublicAddr, String proxySshAddr, String hostCaPin) {
    }

    /** {@code POST /v1/login}. */
    record Login(String sshCertificate, String x509Certificate, String hostCa, String cluster, String user,
            List<String> roles, List<String> logins, String expires) {
    }

    /** {@code GET /v1/signup/{token}}. {@link #toString()} leaves out the secret. */
    record SignupChallenge(String user, String totpSecret, String otpauthUri, String expires) {
        @Override
        public String toString() {
            return "SignupChallenge[user=" + user + ", expires=" + expires + "]";
        }
    }

    private final ProxyAddress proxy;
    private final ProxyTrust trust;
    private final HttpClient http;

    ProxyClient(ProxyAddress proxy, ProxyTrust trust) {
        this.proxy = proxy;
        this.trust = trust;
        this.http = HttpClient.newBuilder().sslContext(trust.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Ping ping() {
        JsonValues json = call(get("/v1/ping"), "/v1/ping");
        String hostPin = json.objects("certificate_authorities").stream()
                .filter(ca -> "host".equals(ca.optionalString("type"))).map(ca -> ca.optionalString("tls_pin"))
                .findFirst().orElse(null);
        return new Ping(json.string("cluster"), json.string("version"), json.string("proxy_public_addr"),
                json.string("proxy_ssh_addr"), hostPin);
    }

    Login login(String user, char[] password, String code, String publicKey, String ttl) {
        byte[] body = JsonValues.object(out -> {
            out.writeStringField("user", user);
            out.writeFieldName("password");
            out.writeString(password, 0, password.length);
            out.writeStringField("totp_code", code);
            out.writeStringField("public_key", publicKey);
            if (ttl != null) {
                out.writeStringField("ttl", ttl);
            }
        });
        JsonValues json;
        try {
            json = call(post("/v1/login", body), "/v1/login");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        return new Login(json.string("ssh_certificate"), json.string("x509_certificate"), json.string("host_ca"),
                json.string("cluster"), json.string("user"), json.strings("roles"), json.strings("logins"),
                json.string("expires"));
    }

    /** @param token an invite token, hex digits only (nothing to escape in a URL) */
    SignupChallenge signupChallenge(String token) {
        JsonValues json = call(get("/v1/signup/" + token), "/v1/signup");
        return new SignupChallenge(json.string("user"), json.string("totp_secret"), json.string("otpauth_uri"),
                json.string("expires"));
    }

    String signup(String token, char[] password, String code) {
        byte[] body = JsonValues.object(out -> {
            out.writeStringField("token", token);
            out.writeFieldName("password");
            out.writeString(password, 0, password.length);
            out.writeStringField("totp_code", code);
        });
        try {
            return call(post("/v1/signup", body), "/v1/signup").string("user");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest post(String path, byte[] body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(proxy.url() + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "msh/" + MshVersion.current());
    }

    /**
     * @throws ApiError when the proxy answers with an error
     * @throws MshException when it cannot be reached or its certificate is not trusted
     */
    private JsonValues call(HttpRequest request, String endpoint) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLException e) {
            throw MshException.failed("the proxy at " + proxy + " is not trusted: " + rootMessage(e) + "; "
                    + trust.hint());
        } catch (ConnectException e) {
            throw MshException.failed("cannot reach the proxy at " + proxy + ": nothing accepts connections there");
        } catch (HttpConnectTimeoutException e) {
            throw MshException.failed("cannot reach the proxy at " + proxy + ": no answer within "
                    + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw MshException.failed("the proxy at " + proxy + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw MshException.failed("cannot talk to the proxy at " + proxy + ": " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MshException.failed("interrupted");
        }
        String what = "the proxy's answer to " + endpoint;
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (response.statusCode() / 100 != 2) {
            JsonValues error = json ? JsonValues.parse(response.body(), what) : null;
            String message = error == null || error.optionalString("error") == null
                    ? "HTTP " + response.statusCode() + " from " + proxy + endpoint + " (is this a Mezite proxy?)"
                    : error.optionalString("error");
            throw new ApiError(response.statusCode(), error == null ? "" : String.valueOf(error.optionalString(
                    "code")), message);
        }
        if (!json) {
            throw MshException.failed(what + " is not JSON (is " + proxy + " a Mezite proxy?)");
        }
        return JsonValues.parse(response.body(), what);
    }

    /** The innermost message that says something. */
    private static String rootMessage(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}
