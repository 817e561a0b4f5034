package org.mezite.proxy.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.mezite.ca.tls.RenewableKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the proxy's generated certificate when two thirds of its validity have passed, so that a hub running for
 * weeks never serves an expired one. A failed renewal is retried every few minutes while the old certificate lasts.
 */
final class CertificateRenewal implements AutoCloseable {

    static final Duration RETRY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewal.class);

    private final RenewableKeyManager keys;
    private final Supplier<ServerIdentity> issue;
    private volatile ServerIdentity current;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    /** @param current what {@code keys} presents now */
    CertificateRenewal(RenewableKeyManager keys, ServerIdentity current, Supplier<ServerIdentity> issue, Clock clock) {
        this.keys = keys;
        this.current = current;
        this.issue = issue;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "proxy-web-certificate-renewal");
            thread.setDaemon(true);
            return thread;
        });
        schedule(renewalDelay(current, clock.instant()));
    }

    /** How long from {@code now} until {@code identity} should be replaced. */
    static Duration renewalDelay(ServerIdentity identity, Instant now) {
        Duration validity = Duration.between(identity.notBefore(), identity.notAfter());
        Instant due = identity.notBefore().plus(validity.multipliedBy(2).dividedBy(3));
        Duration delay = Duration.between(now, due);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private void schedule(Duration delay) {
        scheduler.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            ServerIdentity next = issue.get();
            keys.replace(next.key(), next.chain());
            current = next;
            LOG.info("proxy-web: renewed the HTTPS certificate, valid until {}", next.notAfter());
            schedule(renewalDelay(next, clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("proxy-web: cannot renew the HTTPS certificate (the current one is valid until {}), retrying in"
                    + " {} min: {}", current.notAfter(), RETRY.toMinutes(), e.getMessage(), e);
            schedule(RETRY);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
