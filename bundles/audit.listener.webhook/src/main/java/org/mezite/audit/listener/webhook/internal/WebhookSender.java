package org.mezite.audit.listener.webhook.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.mezite.api.hub.Durations;
import org.mezite.api.store.AuditEvent;
import org.slf4j.Logger;

/**
 * Sends events to the webhook from a queue of its own, one at a time and in order, on a thread of its own. An event
 * that is not answered with 2xx is sent again after 1 s, 2 s, 4 s, ... up to the maximum back-off, until it is, so
 * the webhook sees every event it gets in the order of the log; while that goes on, new events wait in the queue,
 * and when the queue is full they are dropped and counted. Delivery is at least once: an event whose answer timed
 * out is sent again, and the receiver can tell the copies apart by {@code id}.
 */
final class WebhookSender {

    /** The pause after the first failed attempt; it doubles after each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);
    /** How long {@link #stop()} waits for the thread; it ends as soon as it is interrupted, this is a safety net. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** Waits between attempts; replaced in tests to see the back-off without waiting for it. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    static final Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    private final WebhookSettings settings;
    private final String shownUrl;
    private final Logger log;
    private final Pause pause;
    private final BlockingQueue<AuditEvent> queue;
    private final AuditEventJson json = new AuditEventJson();
    private final ExecutorService httpThreads;
    private final HttpClient client;
    private final RateLimit dropWarnings;
    private final RateLimit failureWarnings;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    WebhookSender(WebhookSettings settings, Logger log, Clock clock, Pause pause) {
        this.settings = settings;
        this.shownUrl = settings.shownUrl();
        this.log = log;
        this.pause = pause;
        this.queue = new LinkedBlockingQueue<>(settings.queueSize());
        this.dropWarnings = new RateLimit(clock, WARNING_INTERVAL);
        this.failureWarnings = new RateLimit(clock, WARNING_INTERVAL);
        // our own threads, so that stopping the bundle leaves none of the HTTP client's behind
        this.httpThreads = Executors.newCachedThreadPool(task -> {
            Thread worker = new Thread(task, "mezite-audit-webhook-http");
            worker.setDaemon(true);
            return worker;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                // a redirect would carry the bearer token somewhere else: it counts as a failure instead
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(httpThreads)
                .build();
        this.thread = new Thread(this::run, "mezite-audit-webhook");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues the event and returns at once.
     *
     * @return false when the queue was full and the event was dropped
     */
    boolean offer(AuditEvent event) {
        if (stopped) {
            throw new IllegalStateException("the audit webhook " + shownUrl + " is stopped");
        }
        if (queue.offer(event)) {
            return true;
        }
        long total = dropped.incrementAndGet();
        if (dropWarnings.allow()) {
            log.warn("audit webhook {}: queue full ({}), dropped {} events so far", shownUrl, settings.queueSize(),
                    total);
        }
        return false;
    }

    /** How many events were dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Whether the sending thread still runs. */
    boolean running() {
        return thread.isAlive();
    }

    /** Ends the thread, also in the middle of a POST or a back-off pause; what is still queued is not sent. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpThreads.shutdownNow();
        if (thread.isAlive()) {
            log.warn("audit webhook {}: the sending thread did not stop within {}", shownUrl,
                    Durations.format(STOP_WAIT));
        }
        int unsent = queue.size();
        if (unsent > 0) {
            log.warn("audit webhook {}: stopped with {} events not sent (they are in the audit log:"
                    + " mezite:audit-search)", shownUrl, unsent);
        }
    }

    private void run() {
        try {
            while (!stopped) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            // stop() asked us to end
        }
    }

    private void deliver(AuditEvent event) throws InterruptedException {
        HttpRequest request;
        try {
            request = request(json.bytes(event));
        } catch (JsonProcessingException e) {
            log.error("audit webhook {}: event {} cannot be written as JSON, not sent: {}", shownUrl, event.id(),
                    e.getOriginalMessage());
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        for (int failures = 0; ; failures++) {
            String problem = post(request);
            if (problem == null) {
                if (failures > 0) {
                    log.info("audit webhook {}: event {} delivered after {} failed attempts", shownUrl, event.id(),
                            failures);
                    failureWarnings.reset();
                }
                return;
            }
            if (failureWarnings.allow()) {
                if (failures == 0) {
                    log.warn("audit webhook {}: cannot deliver event {} ({}); trying again in {}, then with longer"
                            + " pauses up to {}", shownUrl, event.id(), problem, Durations.format(backoff),
                            Durations.format(settings.maxBackoff()));
                } else {
                    log.warn("audit webhook {}: still cannot deliver event {} ({}) after {} attempts; trying again"
                            + " in {}", shownUrl, event.id(), problem, failures + 1, Durations.format(backoff));
                }
            } else {
                log.debug("audit webhook {}: cannot deliver event {} ({}); trying again in {}", shownUrl,
                        event.id(), problem, Durations.format(backoff));
            }
            pause.pause(backoff);
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(settings.maxBackoff()) > 0) {
                backoff = settings.maxBackoff();
            }
        }
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "mezite-audit-webhook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.secret().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.secret());
        }
        return request.build();
    }

    /** @return null when the webhook took the event, else what went wrong, for the log */
    private String post(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (HttpTimeoutException e) {
            return "no answer within " + Durations.format(settings.timeout());
        } catch (ConnectException e) {
            return "cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
