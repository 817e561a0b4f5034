package org.mezite.ca.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.net.ssl.X509ExtendedKeyManager;

import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster server's own TLS certificate from the host CA (what agents and msh check it by), made at start for the
 * names clients reach the listener by and replaced in place when two thirds of its life have passed, so that a
 * listener running for weeks never serves an expired one. Hand {@link #keyManager()} to the TLS stack.
 */
public final class HostServerCertificate implements AutoCloseable {

    /** Asked for; the CA cuts it to host_cert_max_ttl. */
    public static final Duration TTL = Duration.ofDays(30);
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Pattern DNS_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final Logger LOG = LoggerFactory.getLogger(HostServerCertificate.class);

    private final String name;
    private final X509CertificateIssuer issuer;
    private final X509CertificateRequest request;
    private final Clock clock;
    private final RenewableKeyManager keys;
    private final ScheduledExecutorService renewals;

    private HostServerCertificate(String name, X509CertificateIssuer issuer, X509CertificateRequest request,
            Clock clock) {
        this.name = name;
        this.issuer = issuer;
        this.request = request;
        this.clock = clock;
        this.keys = new RenewableKeyManager(issuer.generate(request));
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-tls-renewal");
            thread.setDaemon(true);
            return thread;
        });
        scheduleRenewal(expiry());
    }

    /**
     * Makes the certificate.
     *
     * @param name       the listener's name, for messages and the renewal thread: {@code auth-grpc}
     * @param commonName the subject's CN: the service, e.g. {@code auth} or {@code proxy}
     * @param listen     where the server listens; its host is one of the certificate's names
     * @throws RuntimeException when the CA does not issue it
     */
    public static HostServerCertificate issue(String name, X509CertificateIssuer issuer, String commonName,
            InetSocketAddress listen, Clock clock) {
        return new HostServerCertificate(name, issuer, request(commonName, listen, localHostName()), clock);
    }

    /**
     * The certificate request: the listen host, {@code localhost}, the loopback addresses and this machine's name,
     * so that local tools, the itests and agents given any of those names all match.
     *
     * @param hostName this machine's name, or {@code null}
     */
    public static X509CertificateRequest request(String commonName, InetSocketAddress listen, String hostName) {
        Set<String> dnsNames = new LinkedHashSet<>();
        Set<String> ipAddresses = new LinkedHashSet<>();
        String host = listen.getHostString();
        if (IP_LITERAL.matcher(host).matches()) {
            if (listen.getAddress() != null && !listen.getAddress().isAnyLocalAddress()) {
                ipAddresses.add(listen.getAddress().getHostAddress());
            }
        } else if (DNS_NAME.matcher(host).matches()) {
            dnsNames.add(host);
        }
        dnsNames.add("localhost");
        ipAddresses.add("127.0.0.1");
        ipAddresses.add("::1");
        if (hostName != null && DNS_NAME.matcher(hostName).matches()) {
            dnsNames.add(hostName);
        }
        return new X509CertificateRequest(CaType.HOST, commonName, List.of(), new ArrayList<>(dnsNames),
                new ArrayList<>(ipAddresses), Set.of(TlsUsage.SERVER), TTL);
    }

    /** Presents the current certificate (with the host CA's) in every handshake. */
    public X509ExtendedKeyManager keyManager() {
        return keys;
    }

    /** The certificate served now. */
    public X509Certificate certificate() {
        return keys.certificate();
    }

    private Instant expiry() {
        return keys.certificate().getNotAfter().toInstant();
    }

    private void scheduleRenewal(Instant expires) {
        Duration left = Duration.between(clock.instant(), expires);
        Duration delay = left.isNegative() ? Duration.ZERO : left.multipliedBy(2).dividedBy(3);
        renewals.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            TlsIdentity next = issuer.generate(request);
            keys.replace(next);
            LOG.info("{}: TLS certificate renewed, valid until {}", name, expiry());
            scheduleRenewal(expiry());
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot renew the TLS certificate (valid until {}), trying again in {} s: {}", name,
                    expiry(), RETRY.toSeconds(), e.getMessage());
            renewals.schedule(this::renew, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Stops renewing. */
    @Override
    public void close() {
        renewals.shutdownNow();
    }
}
