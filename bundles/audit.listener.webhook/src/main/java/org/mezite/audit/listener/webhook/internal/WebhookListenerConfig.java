package org.mezite.audit.listener.webhook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of {@code etc/org.mezite.audit.listener.webhook.cfg}. Method names map to the file's keys ({@code __} is
 * {@code _}); {@link WebhookSettings} validates them.
 */
@ObjectClassDefinition(name = "Mezite audit listener: webhook",
        description = "Every stored audit event POSTed as JSON to a webhook, in order, retried with back-off")
@interface WebhookListenerConfig {

    @AttributeDefinition(name = "URL", description = "The http:// or https:// address events are POSTed to")
    String url() default "";

    @AttributeDefinition(name = "Secret", type = AttributeType.PASSWORD,
            description = "Sent as Authorization: Bearer SECRET with every request. Empty: no Authorization header")
    String secret() default "";

    @AttributeDefinition(name = "Queue size",
            description = "How many events may wait while the webhook is slow or down; beyond that new events are"
                    + " dropped (and counted in a warning)")
    int queue__size() default WebhookSettings.DEFAULT_QUEUE_SIZE;

    @AttributeDefinition(name = "Timeout",
            description = "How long to wait to connect and for the answer to each POST, e.g. 5s, 1m")
    String timeout() default "5s";

    @AttributeDefinition(name = "Maximum back-off",
            description = "A failed POST is retried after 1s, then 2s, 4s, ... up to this, e.g. 60s, 5m")
    String max__backoff() default "60s";
}
