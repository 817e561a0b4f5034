package org.mezite.auth.internal.grpc;

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

import javax.net.ssl.SSLException;

import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.util.AdvancedTlsX509KeyManager;

/**
 * The Auth server's side of TLS: a certificate from the host CA for the names clients reach it by, renewed in place
 * when two thirds of its life have passed, and client certificates asked for but not required at this layer (calls
 * that need one are refused by {@link ClientCertificateInterceptor}, with a reason).
 */
final class ServerTls implements AutoCloseable {

    /** Asked for; the CA cuts it to host_cert_max_ttl. */
    static final Duration CERTIFICATE_TTL = Duration.ofDays(30);
    /** The certificate's subject CN. */
    static final String COMMON_NAME = "auth";
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Pattern DNS_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    private final X509CertificateIssuer issuer;
    private final X509CertificateRequest request;
    private final Clock clock;
    private final AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
    private final SslContext context;
    private final ScheduledExecutorService renewals;

    private ServerTls(X509CertificateIssuer issuer, ClusterCertificates cluster, X509CertificateRequest request,
            Clock clock) throws SSLException {
        this.issuer = issuer;
        this.request = request;
        this.clock = clock;
        Instant expires = install(issuer.generate(request));
        this.context = GrpcSslContexts.configure(SslContextBuilder.forServer(keys), SslProvider.JDK)
                .trustManager(new ClusterClientTrust(cluster))
                .clientAuth(ClientAuth.OPTIONAL)
                .build();
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mezite-auth-tls-renewal");
            thread.setDaemon(true);
            return thread;
        });
        scheduleRenewal(expires);
    }

    /**
     * Makes the server's certificate and the TLS context serving it.
     *
     * @param listen where the server listens; its host is one of the certificate's names
     */
    static ServerTls start(X509CertificateIssuer issuer, ClusterCertificates cluster, InetSocketAddress listen,
            Clock clock) throws SSLException {
        return new ServerTls(issuer, cluster, request(listen, localHostName()), clock);
    }

    SslContext sslContext() {
        return context;
    }

    /**
     * The certificate request: the listen host, {@code localhost}, the loopback addresses and this machine's name,
     * so that local tools, the itests and agents given any of those names all match.
     */
    static X509CertificateRequest request(InetSocketAddress listen, String hostName) {
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
        return new X509CertificateRequest(CaType.HOST, COMMON_NAME, List.of(), new ArrayList<>(dnsNames),
                new ArrayList<>(ipAddresses), Set.of(TlsUsage.SERVER), CERTIFICATE_TTL);
    }

    private Instant install(TlsIdentity identity) {
        keys.updateIdentityCredentials(identity.certificate().chain().toArray(X509Certificate[]::new),
                identity.privateKey());
        return identity.certificate().certificate().getNotAfter().toInstant();
    }

    private void scheduleRenewal(Instant expires) {
        Instant now = clock.instant();
        Duration left = Duration.between(now, expires);
        Duration delay = left.isNegative() ? Duration.ZERO : left.multipliedBy(2).dividedBy(3);
        renewals.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            Instant expires = install(issuer.generate(request));
            LOG.info("Auth TLS certificate renewed, valid until {}", expires);
            scheduleRenewal(expires);
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the Auth TLS certificate, trying again in {} s: {}", RETRY.toSeconds(),
                    e.getMessage());
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

    @Override
    public void close() {
        renewals.shutdownNow();
    }
}
