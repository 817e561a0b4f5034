package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.HostKeyCertificateProvider;
import org.apache.sshd.common.session.SessionContext;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.HostCertificateSigner;
import org.mezite.api.ca.SshCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's host certificate from the cluster's host CA: signed at start and again when two thirds of its validity
 * have passed, so that a proxy running for weeks never presents an expired one. A failed renewal is retried every few
 * minutes while the current certificate lasts. The SSH server asks for the current one at each key exchange.
 */
final class HostCertificateRenewal implements HostKeyCertificateProvider, AutoCloseable {

    /** What the proxy asks for; the host CA cuts it to its configured maximum (30 days by default). */
    static final Duration TTL = Duration.ofDays(30);
    static final Duration RETRY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(HostCertificateRenewal.class);

    private final HostCertificateSigner signer;
    private volatile HostCertificateRequest request;
    private final PublicKey hostKey;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AtomicReference<Signed> current = new AtomicReference<>();
    private volatile ScheduledFuture<?> next;

    private record Signed(OpenSshCertificate certificate, SshCertificate description) {
    }

    /**
     * Signs the first certificate.
     *
     * @throws IllegalStateException when the host CA refuses; the message says why
     */
    HostCertificateRenewal(HostCertificateSigner signer, KeyPair hostKey, HostNames names,
            ScheduledExecutorService scheduler, Clock clock) {
        this.signer = signer;
        this.hostKey = hostKey.getPublic();
        this.request = request(names);
        this.scheduler = scheduler;
        this.clock = clock;
        current.set(sign());
        schedule(renewalDelay(current.get().description(), clock.instant()));
    }

    /**
     * Signs a certificate for other names now, and presents it from the next key exchange on; connections keep going.
     *
     * @throws IllegalStateException when the host CA refuses; the current certificate stays
     */
    synchronized void rename(HostNames names) {
        HostCertificateRequest renamed = request(names);
        if (renamed.equals(request)) {
            return;
        }
        HostCertificateRequest previous = request;
        request = renamed;
        try {
            current.set(sign());
        } catch (RuntimeException e) {
            request = previous;
            throw e;
        }
        LOG.info("proxy-ssh: new host certificate for {}", current().principals());
    }

    private HostCertificateRequest request(HostNames names) {
        return new HostCertificateRequest(PublicKeyEntry.toString(hostKey), names.keyId(), names.hostname(),
                names.additional(), TTL);
    }

    @Override
    public Iterable<OpenSshCertificate> loadCertificates(SessionContext session) {
        return List.of(current.get().certificate());
    }

    /** What the current certificate says. */
    SshCertificate current() {
        return current.get().description();
    }

    /** How long from {@code now} until {@code certificate} should be replaced. */
    static Duration renewalDelay(SshCertificate certificate, Instant now) {
        Duration validity = Duration.between(certificate.validAfter(), certificate.validBefore());
        Instant due = certificate.validAfter().plus(validity.multipliedBy(2).dividedBy(3));
        Duration delay = Duration.between(now, due);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private Signed sign() {
        SshCertificate signed = signer.sign(request);
        OpenSshCertificate certificate;
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(signed.authorizedKey())
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            if (!(key instanceof OpenSshCertificate parsed)) {
                throw new IllegalStateException("the host CA returned a plain key, not a certificate");
            }
            certificate = parsed;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the host certificate the host CA signed: " + e.getMessage(),
                    e);
        }
        if (certificate.getType() != OpenSshCertificate.Type.HOST
                || !KeyUtils.compareKeys(certificate.getCertPubKey(), hostKey)) {
            throw new IllegalStateException("the host CA returned a certificate for another key or of the wrong type");
        }
        return new Signed(certificate, signed);
    }

    private void schedule(Duration delay) {
        try {
            next = scheduler.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void renew() {
        try {
            Signed signed = sign();
            current.set(signed);
            LOG.info("proxy-ssh: renewed the host certificate (serial {}), valid until {}",
                    signed.description().serial(), signed.description().validBefore());
            schedule(renewalDelay(signed.description(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("proxy-ssh: cannot renew the host certificate (the current one is valid until {}), retrying in"
                    + " {} min: {}", current().validBefore(), RETRY.toMinutes(), e.getMessage(), e);
            schedule(RETRY);
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
