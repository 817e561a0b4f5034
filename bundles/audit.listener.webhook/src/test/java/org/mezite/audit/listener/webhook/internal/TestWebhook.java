package org.mezite.audit.listener.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that takes webhook POSTs: records each request and answers with the status the test
 * chooses for the n-th request (1-based). A gate can hold the answer to the first request until the test opens it.
 */
final class TestWebhook implements AutoCloseable {

    record Received(String method, String path, String authorization, String contentType, JsonNode body) {

        long id() {
            return body.get("id").asLong();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch gate;
    private final IntUnaryOperator status;

    /** Answers 200 to everything. */
    TestWebhook() throws IOException {
        this(n -> 200, false);
    }

    /**
     * @param status        the status for the n-th request
     * @param holdFirstAnswer whether the answer to the first request waits for {@link #open()}
     */
    TestWebhook(IntUnaryOperator status, boolean holdFirstAnswer) throws IOException {
        this.status = status;
        this.gate = new CountDownLatch(holdFirstAnswer ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n = requests.incrementAndGet();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), MAPPER.readTree(body)));
            if (n == 1) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status.applyAsInt(n), -1);
            exchange.close();
        });
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next request the server got, waiting for it as long as a slow build machine could need. */
    Received next() throws InterruptedException {
        Received next = received.poll(60, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the webhook received no request");
        }
        return next;
    }

    /** Lets the held answer to the first request go. */
    void open() {
        gate.countDown();
    }

    @Override
    public void close() {
        open();
        server.stop(0);
        threads.shutdownNow();
    }
}
