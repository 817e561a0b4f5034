package org.mezite.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.mezite.api.ca.TlsIdentity;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTPS server on a loopback port that plays the proxy's API with answers the test sets, presenting a certificate
 * chain from a real cluster CA; it records the bodies it was sent.
 */
final class FakeProxy implements AutoCloseable {

    /** An answer: status and JSON body. */
    record Answer(int status, String json) {
    }

    private final HttpsServer server;
    private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeProxy(TlsIdentity identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("proxy", identity.privateKey(), "pw".toCharArray(),
                identity.certificate().chain().toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + path + " " + body);
            Function<String, Answer> route = routes.get(path);
            Answer answer = route == null ? new Answer(404, "{\"error\":\"no such endpoint\",\"code\":\"not_found\"}")
                    : route.apply(body);
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the client went away
            }
        });
        server.start();
    }

    FakeProxy answer(String path, Function<String, Answer> route) {
        routes.put(path, route);
        return this;
    }

    FakeProxy answer(String path, int status, String json) {
        return answer(path, body -> new Answer(status, json));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
