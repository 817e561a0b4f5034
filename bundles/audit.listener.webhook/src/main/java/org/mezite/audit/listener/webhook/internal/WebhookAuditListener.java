package org.mezite.audit.listener.webhook.internal;

import java.time.Clock;

import org.mezite.api.audit.AuditListener;
import org.mezite.api.hub.Durations;
import org.mezite.api.store.AuditEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs every stored audit event as JSON to the webhook that {@code etc/org.mezite.audit.listener.webhook.cfg}
 * names. {@link #onEvent} only queues the event: a slow or unreachable webhook holds up nothing but its own queue.
 * Runs only with that file; invalid settings stop activation with a message naming the key.
 */
@Component(configurationPid = WebhookSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = AuditListener.class)
@Designate(ocd = WebhookListenerConfig.class)
public final class WebhookAuditListener implements AuditListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAuditListener.class);

    private final WebhookSettings settings;
    private final WebhookSender sender;

    @Activate
    public WebhookAuditListener(WebhookListenerConfig config) {
        this(config, LOG, Clock.systemUTC(), WebhookSender.SLEEP);
    }

    WebhookAuditListener(WebhookListenerConfig config, Logger log, Clock clock, WebhookSender.Pause pause) {
        try {
            settings = WebhookSettings.of(config);
        } catch (IllegalArgumentException e) {
            log.error("audit webhook not started: {}", e.getMessage());
            throw e;
        }
        if (!settings.secret().isEmpty() && settings.url().getScheme().equalsIgnoreCase("http")) {
            log.warn("audit webhook {}: the secret goes unencrypted over http://; use https:// unless the webhook"
                    + " is on this machine", settings.shownUrl());
        }
        sender = new WebhookSender(settings, log, clock, pause);
        sender.start();
        log.info("audit events are POSTed to {} (queue_size {}, timeout {}, max_backoff {}, {})",
                settings.shownUrl(), settings.queueSize(), Durations.format(settings.timeout()),
                Durations.format(settings.maxBackoff()), settings.secret().isEmpty() ? "no secret" : "with secret");
    }

    /** Queues the event and returns at once; when the queue is full the event is dropped and counted. */
    @Override
    public void onEvent(AuditEvent event) {
        sender.offer(event);
    }

    /** How many events were dropped because the queue was full. */
    long dropped() {
        return sender.dropped();
    }

    boolean sending() {
        return sender.running();
    }

    @Deactivate
    void close() {
        sender.stop();
    }

    @Override
    public String toString() {
        return "WebhookAuditListener[" + settings + "]";
    }
}
