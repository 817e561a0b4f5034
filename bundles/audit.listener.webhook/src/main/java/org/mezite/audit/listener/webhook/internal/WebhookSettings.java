package org.mezite.audit.listener.webhook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import org.mezite.api.hub.Durations;

/**
 * The validated {@code etc/org.mezite.audit.listener.webhook.cfg}. The secret is kept out of {@link #toString()}, and
 * messages show the URL without its query ({@link #shownUrl()}), where some services put a token.
 *
 * @param url        where events are POSTed
 * @param secret     the bearer token, empty for none
 * @param queueSize  how many events may wait to be sent
 * @param timeout    for connecting and for each answer
 * @param maxBackoff the longest pause between two attempts to send an event
 */
record WebhookSettings(URI url, String secret, int queueSize, Duration timeout, Duration maxBackoff) {

    static final String PID = "org.mezite.audit.listener.webhook";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";
    static final int DEFAULT_QUEUE_SIZE = 10_000;

    /** @throws IllegalArgumentException naming the file, the key and the problem, never the secret */
    static WebhookSettings of(WebhookListenerConfig config) {
        URI url = url(config.url() == null ? "" : config.url().strip());
        String secret = config.secret() == null ? "" : config.secret().strip();
        for (char c : secret.toCharArray()) {
            // visible ASCII only: anything else is refused by HTTP or would split the header
            if (c < 0x21 || c > 0x7e) {
                throw invalid("secret", "holds characters that an HTTP header cannot carry (spaces, control"
                        + " characters or non-ASCII)");
            }
        }
        if (config.queue__size() < 1) {
            throw invalid("queue_size", "must be 1 or more, not " + config.queue__size());
        }
        return new WebhookSettings(url, secret, config.queue__size(), duration("timeout", config.timeout()),
                duration("max_backoff", config.max__backoff()));
    }

    /** The URL as messages show it: scheme, host, port and path, without the query or fragment. */
    String shownUrl() {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + shownUrl() + ", secret=" + (secret.isEmpty() ? "(none)" : "****")
                + ", queueSize=" + queueSize + ", timeout=" + Durations.format(timeout) + ", maxBackoff="
                + Durations.format(maxBackoff) + "]";
    }

    private static URI url(String text) {
        if (text.isEmpty()) {
            throw invalid("url", "is required: the http:// or https:// address to POST audit events to");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            // the reason and position only: the URL itself may carry a token
            throw invalid("url", "is not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("url", "must start with http:// or https://");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid("url", "must not hold a user name or password; put a token in secret, which goes in the"
                    + " Authorization header");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid("url", "names no host");
        }
        return url;
    }

    private static Duration duration(String key, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
    }

    static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(CONFIG_FILE + ": " + key + ": " + problem);
    }
}
