package org.mezite.ca.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a client of the cluster (an agent, msh) decides that the server it reached is one of the cluster's own (Auth,
 * a proxy): the server's certificate must be signed by one of the given CA certificates, normally the host CA the
 * client got when it joined, be valid now and be meant for TLS servers.
 *
 * <p>The host name is deliberately not checked: operators reach the hub by whatever name or address their network
 * gives it, and the host CA issues server certificates only to Auth and the proxies.
 */
public final class ClusterServerTrust extends X509ExtendedTrustManager {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /**
     * Which CA certificates to trust for a chain the server sent: a fixed set, or (before a client holds the CA) the
     * CA certificates in the chain itself that the client recognises, e.g. by a pin.
     */
    @FunctionalInterface
    public interface Anchors {

        /**
         * @throws CertificateException when the chain holds nothing to trust, with the reason for the user
         */
        List<X509Certificate> of(X509Certificate[] chain) throws CertificateException;
    }

    private final String server;
    private final List<X509Certificate> authorities;
    private final Anchors anchors;
    private final Clock clock;

    /**
     * @param server      what the server is, for messages: {@code the hub}, {@code the proxy}
     * @param authorities the CA certificates to trust
     */
    public ClusterServerTrust(String server, List<X509Certificate> authorities, Clock clock) {
        this(server, List.copyOf(authorities), null, clock);
    }

    /**
     * @param server  what the server is, for messages
     * @param anchors picks the CA certificates to trust out of each chain
     */
    public ClusterServerTrust(String server, Anchors anchors, Clock clock) {
        this(server, List.of(), Objects.requireNonNull(anchors, "anchors"), clock);
    }

    private ClusterServerTrust(String server, List<X509Certificate> authorities, Anchors anchors, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.authorities = authorities;
        this.anchors = anchors == null ? chain -> authorities : anchors;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException(server + " sent no certificate");
        }
        X509Certificate leaf = chain[0];
        X509Certificate issuer = anchors.of(chain).stream().filter(ca -> signed(leaf, ca)).findFirst()
                .orElseThrow(() -> new CertificateException(server + "'s certificate " + leaf.getSubjectX500Principal()
                        + " was not issued by the cluster's CA"));
        Date now = Date.from(clock.instant());
        try {
            leaf.checkValidity(now);
            issuer.checkValidity(now);
        } catch (CertificateException e) {
            throw new CertificateException(server + "'s certificate is not valid now (" + e.getMessage()
                    + "); is this host's clock right?", e);
        }
        List<String> usages = leaf.getExtendedKeyUsage();
        if (usages == null || !usages.contains(SERVER_AUTH)) {
            throw new CertificateException(server + "'s certificate " + leaf.getSubjectX500Principal()
                    + " is not a TLS server certificate");
        }
    }

    private static boolean signed(X509Certificate leaf, X509Certificate ca) {
        if (!leaf.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks TLS servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities.toArray(X509Certificate[]::new);
    }
}
