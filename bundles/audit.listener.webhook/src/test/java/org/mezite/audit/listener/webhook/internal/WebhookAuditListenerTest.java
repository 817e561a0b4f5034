package org.mezite.audit.listener.webhook.internal;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.store.AuditEvent;

class WebhookAuditListenerTest {

    private static final String SECRET = "s3cr3t-T0ken";
    private static final String QUERY_SECRET = "query-t0ken";

    private final RecordingLogger log = new RecordingLogger();
    private final MutableClock clock = new MutableClock();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable resource : cleanup) {
            resource.close();
        }
    }

    @Test
    void eventsArriveInOrderAsJsonWithTheBearerToken() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook());
        WebhookAuditListener listener = listener(config(webhook.url("/hook"), SECRET, 100, "5s", "60s"),
                new RecordingPause(Integer.MAX_VALUE));
        for (long id = 1; id <= 20; id++) {
            listener.onEvent(event(id));
        }

        for (long id = 1; id <= 20; id++) {
            TestWebhook.Received request = webhook.next();
            assertThat(request.id()).isEqualTo(id);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/hook");
            assertThat(request.authorization()).isEqualTo("Bearer " + SECRET);
            assertThat(request.contentType()).isEqualTo("application/json");
        }
        listener.onEvent(event(21));
        TestWebhook.Received first = webhook.next();
        assertThat(first.body().get("time").asText()).isEqualTo("2025-03-01T10:00:21Z");
        assertThat(first.body().get("type").asText()).isEqualTo("session.start");
        assertThat(first.body().get("user").asText()).isEqualTo("alice");
        assertThat(first.body().get("session_id").asText()).isEqualTo("session-21");
        assertThat(first.body().get("code").isNull()).isTrue();
        assertThat(first.body().get("details").isObject()).isTrue();
        assertThat(first.body().get("details").get("roles").get(0).asText()).isEqualTo("access");
        assertThat(first.body().get("prev_hash").asText()).hasSize(64);
        assertThat(listener.dropped()).isZero();
    }

    @Test
    void withoutASecretNoAuthorizationIsSent() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook());
        WebhookAuditListener listener = listener(config(webhook.url("/"), "", 100, "5s", "60s"),
                new RecordingPause(Integer.MAX_VALUE));
        listener.onEvent(event(1));

        assertThat(webhook.next().authorization()).isNull();
    }

    @Test
    void anEventThatIsRefusedIsSentAgainWithBackOffBeforeTheNextOne() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook(n -> n <= 2 ? 500 : 200, false));
        RecordingPause pause = new RecordingPause(Integer.MAX_VALUE);
        WebhookAuditListener listener = listener(config(webhook.url("/hook"), SECRET, 100, "5s", "60s"), pause);
        listener.onEvent(event(1));
        listener.onEvent(event(2));

        assertThat(List.of(webhook.next().id(), webhook.next().id(), webhook.next().id(), webhook.next().id()))
                .containsExactly(1L, 1L, 1L, 2L);
        assertThat(pause.pauses()).containsExactly(ofSeconds(1), ofSeconds(2));
        // one warning for the outage, not one per attempt; and a word when it is over
        assertThat(warnings()).containsExactly("audit webhook " + webhook.url("/hook")
                + ": cannot deliver event 1 (HTTP 500); trying again in 1s, then with longer pauses up to 1m");
        assertThat(log.messages("info")).contains("audit webhook " + webhook.url("/hook")
                + ": event 1 delivered after 2 failed attempts");
    }

    @Test
    void anUnreachableWebhookIsRetriedWithGrowingPausesWhileEventsQueueUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RecordingPause pause = new RecordingPause(8, clock);
        String url = "http://127.0.0.1:" + closedPort + "/hook";
        WebhookAuditListener listener = new WebhookAuditListener(config(url, SECRET, 10, "5s", "60s"),
                log.logger(), clock, pause);
        for (long id = 1; id <= 5; id++) {
            // returns at once although nothing can be delivered
            listener.onEvent(event(id));
        }
        pause.awaitHeld();

        assertThat(pause.pauses()).containsExactly(ofSeconds(1), ofSeconds(2), ofSeconds(4), ofSeconds(8),
                ofSeconds(16), ofSeconds(32), ofSeconds(60), ofSeconds(60));
        // the first failure, then at most one warning per 10 s of the outage
        List<String> warnings = warnings();
        assertThat(warnings).hasSize(5);
        assertThat(warnings.get(0)).startsWith("audit webhook " + url + ": cannot deliver event 1 (cannot connect")
                .endsWith("; trying again in 1s, then with longer pauses up to 1m");
        assertThat(warnings.get(1)).startsWith("audit webhook " + url + ": still cannot deliver event 1 (cannot"
                + " connect").endsWith(" after 5 attempts; trying again in 16s");
        assertThat(warnings.get(4)).endsWith(" after 8 attempts; trying again in 1m");
        assertThat(listener.dropped()).isZero();

        listener.close();
        assertThat(listener.sending()).isFalse();
        assertThat(warnings()).contains("audit webhook " + url + ": stopped with 4 events not sent (they"
                + " are in the audit log: mezite:audit-search)");
        assertThatThrownBy(() -> listener.onEvent(event(6))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullQueueDropsNewEventsCountsThemAndWarnsAtMostEveryTenSeconds() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook(n -> 200, true));
        String url = webhook.url("/hook");
        WebhookAuditListener listener = listener(config(url, SECRET, 3, "10m", "60s"),
                new RecordingPause(Integer.MAX_VALUE));
        listener.onEvent(event(1));
        // event 1 is at the webhook, whose answer is held: the sender waits, the queue fills
        assertThat(webhook.next().id()).isEqualTo(1);
        for (long id = 2; id <= 6; id++) {
            listener.onEvent(event(id));
        }
        assertThat(listener.dropped()).isEqualTo(2);
        assertThat(warnings()).containsExactly(
                "audit webhook " + url + ": queue full (3), dropped 1 events so far");

        clock.advance(ofSeconds(9));
        listener.onEvent(event(7));
        assertThat(warnings()).hasSize(1);
        clock.advance(ofSeconds(1));
        listener.onEvent(event(8));
        assertThat(listener.dropped()).isEqualTo(4);
        assertThat(warnings()).containsExactly(
                "audit webhook " + url + ": queue full (3), dropped 1 events so far",
                "audit webhook " + url + ": queue full (3), dropped 4 events so far");

        webhook.open();
        assertThat(List.of(webhook.next().id(), webhook.next().id(), webhook.next().id())).containsExactly(2L, 3L,
                4L);
        listener.onEvent(event(9));
        assertThat(webhook.next().id()).isEqualTo(9);
    }

    @Test
    void stoppingEndsTheSenderInTheMiddleOfARequest() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook(n -> 200, true));
        WebhookAuditListener listener = new WebhookAuditListener(config(webhook.url("/hook"), SECRET, 10, "10m",
                "60s"), log.logger(), clock, new RecordingPause(Integer.MAX_VALUE));
        listener.onEvent(event(1));
        assertThat(webhook.next().id()).isEqualTo(1);

        listener.close();
        assertThat(listener.sending()).isFalse();
        assertThat(warnings()).noneMatch(line -> line.contains("did not stop"));
    }

    @Test
    void theSecretAndTheUrlsQueryAreInNoStringAndNoLog() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook(n -> n == 1 ? 401 : 200, true));
        String url = webhook.url("/hook?token=" + QUERY_SECRET);
        WebhookAuditListener listener = listener(config(url, SECRET, 1, "10m", "60s"),
                new RecordingPause(Integer.MAX_VALUE));
        listener.onEvent(event(1));
        assertThat(webhook.next().authorization()).isEqualTo("Bearer " + SECRET);
        listener.onEvent(event(2));
        listener.onEvent(event(3));
        webhook.open();
        assertThat(webhook.next().id()).isEqualTo(1);
        assertThat(webhook.next().id()).isEqualTo(2);
        listener.close();

        assertThat(listener.toString()).contains("secret=****").doesNotContain(SECRET).doesNotContain(QUERY_SECRET);
        assertThat(log.lines()).extracting(RecordingLogger.Line::message)
                .anyMatch(line -> line.contains("queue full"))
                .anyMatch(line -> line.contains("HTTP 401"))
                .allMatch(line -> !line.contains(SECRET) && !line.contains(QUERY_SECRET));
        assertThat(log.messages("info")).anyMatch(line -> line.contains(webhook.url("/hook") + " (queue_size 1"));
    }

    @Test
    void invalidSettingsStopActivationNamingTheKey() {
        String file = "etc/org.mezite.audit.listener.webhook.cfg: ";
        assertThatThrownBy(() -> listener(config("", SECRET, 10, "5s", "60s"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + "url: is required: the http:// or https:// address to POST audit events to");
        assertThatThrownBy(() -> listener(config("ftp://siem.example.com/in", SECRET, 10, "5s", "60s"), null))
                .hasMessage(file + "url: must start with http:// or https://");
        assertThatThrownBy(() -> listener(config("https://siem example.com/?t=" + QUERY_SECRET, SECRET, 10, "5s",
                "60s"), null)).hasMessageStartingWith(file + "url: is not a URL: ")
                .message().doesNotContain(QUERY_SECRET);
        assertThatThrownBy(() -> listener(config("https://ops:hunter2@siem.example.com/in", SECRET, 10, "5s",
                "60s"), null)).hasMessageStartingWith(file + "url: must not hold a user name or password")
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> listener(config("https:///in", SECRET, 10, "5s", "60s"), null))
                .hasMessage(file + "url: names no host");
        assertThatThrownBy(() -> listener(config("https://siem.example.com/in", "abc\r\nX-Evil: 1", 10, "5s",
                "60s"), null)).hasMessageStartingWith(file + "secret: holds characters that an HTTP header cannot"
                        + " carry").message().doesNotContain("abc");
        assertThatThrownBy(() -> listener(config("https://siem.example.com/in", SECRET, 0, "5s", "60s"), null))
                .hasMessage(file + "queue_size: must be 1 or more, not 0");
        assertThatThrownBy(() -> listener(config("https://siem.example.com/in", SECRET, 10, "5", "60s"), null))
                .hasMessage(file + "timeout: invalid duration \"5\" (use e.g. 12h, 30m, 1h30m, 7d)");
        assertThatThrownBy(() -> listener(config("https://siem.example.com/in", SECRET, 10, "5s", "soon"), null))
                .hasMessageStartingWith(file + "max_backoff: invalid duration \"soon\"");
        assertThat(log.messages("error")).hasSize(9).allMatch(line -> line.startsWith("audit webhook not started: "));
    }

    @Test
    void aSecretOverPlainHttpIsWarnedAbout() throws Exception {
        TestWebhook webhook = webhook(new TestWebhook());
        listener(config(webhook.url("/hook"), SECRET, 10, "5s", "60s"), new RecordingPause(Integer.MAX_VALUE));
        listener(config(webhook.url("/other"), "", 10, "5s", "60s"), new RecordingPause(Integer.MAX_VALUE));

        assertThat(log.messages("warn")).containsExactly("audit webhook " + webhook.url("/hook") + ": the secret"
                + " goes unencrypted over http://; use https:// unless the webhook is on this machine");
    }

    /** The warnings but the one about the secret over http://, which every test on the local server gets. */
    private List<String> warnings() {
        return log.messages("warn").stream().filter(line -> !line.contains("goes unencrypted over http://"))
                .toList();
    }

    private TestWebhook webhook(TestWebhook webhook) {
        cleanup.add(webhook);
        return webhook;
    }

    private WebhookAuditListener listener(WebhookListenerConfig config, RecordingPause pause) {
        WebhookAuditListener listener = new WebhookAuditListener(config, log.logger(), clock, pause);
        // stopped before the webhook (added earlier) closes
        cleanup.add(0, listener::close);
        return listener;
    }

    private static AuditEvent event(long id) {
        return new AuditEvent(id, Instant.parse("2025-03-01T10:00:00Z").plusSeconds(id), "session.start", null,
                "alice", "root", "node-01", "session-" + id, "192.0.2.7", "session", "start", "success",
                new AuditDetails().put("roles", List.of("access")).toString(), "0".repeat(64), "f".repeat(64));
    }

    /** {@code etc/org.mezite.audit.listener.webhook.cfg} as DS hands it to the component. */
    private static WebhookListenerConfig config(String url, String secret, int queueSize, String timeout,
            String maxBackoff) {
        Map<String, Object> values = Map.of("url", url, "secret", secret, "queue__size", queueSize, "timeout",
                timeout, "max__backoff", maxBackoff);
        return (WebhookListenerConfig) Proxy.newProxyInstance(WebhookListenerConfig.class.getClassLoader(),
                new Class<?>[] {WebhookListenerConfig.class}, (self, method, args) -> {
                    Object value = values.get(method.getName());
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }
}
