package org.mezite.agent.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether the hub the agent reached is its cluster's Auth server: the server's certificate must be signed by
 * the cluster's CA, valid now and meant for TLS servers. Before joining, the CA is the one in the hub's own chain
 * whose key matches {@code ca_pin}; after, it is the CA certificate saved with the node's identity.
 *
 * <p>The host name is deliberately not checked: operators reach the hub by whatever name or address their network
 * gives it, and the pinned cluster CA issues server certificates only to Auth and the proxies.
 */
final class HubTrust extends X509ExtendedTrustManager {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private final CaPin pin;
    private final List<X509Certificate> anchors;
    private final Clock clock;

    private HubTrust(CaPin pin, List<X509Certificate> anchors, Clock clock) {
        this.pin = pin;
        this.anchors = List.copyOf(anchors);
        this.clock = clock;
    }

    /** Trusts the CA in the server's chain whose key has this pin. */
    static HubTrust pinned(CaPin pin, Clock clock) {
        return new HubTrust(pin, List.of(), clock);
    }

    /** Trusts these CA certificates. */
    static HubTrust anchoredAt(List<X509Certificate> authorities, Clock clock) {
        return new HubTrust(null, authorities, clock);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the hub sent no certificate");
        }
        X509Certificate leaf = chain[0];
        List<X509Certificate> trusted = pin == null ? anchors : pinnedIn(chain);
        X509Certificate issuer = trusted.stream().filter(ca -> signed(leaf, ca)).findFirst()
                .orElseThrow(() -> new CertificateException("the hub's certificate " + leaf.getSubjectX500Principal()
                        + " was not issued by the cluster's CA" + (pin == null ? "" : " with pin " + pin)));
        Date now = Date.from(clock.instant());
        try {
            leaf.checkValidity(now);
            issuer.checkValidity(now);
        } catch (CertificateException e) {
            throw new CertificateException("the hub's certificate is not valid now (" + e.getMessage()
                    + "); is this host's clock right?", e);
        }
        List<String> usages = leaf.getExtendedKeyUsage();
        if (usages == null || !usages.contains(SERVER_AUTH)) {
            throw new CertificateException("the hub's certificate " + leaf.getSubjectX500Principal()
                    + " is not a TLS server certificate");
        }
    }

    /** The CA certificates in the chain with the pinned key; none is a mismatch that no retry will fix. */
    private List<X509Certificate> pinnedIn(X509Certificate[] chain) throws CaPinMismatchException {
        List<X509Certificate> matching = new ArrayList<>();
        for (X509Certificate certificate : Arrays.asList(chain).subList(1, chain.length)) {
            if (pin.matches(certificate)) {
                matching.add(certificate);
            }
        }
        if (matching.isEmpty()) {
            String presented = Arrays.asList(chain).subList(1, chain.length).stream().map(c -> CaPin.of(c).value())
                    .collect(Collectors.joining(", "));
            throw new CaPinMismatchException("the hub's CA does not match ca_pin " + pin
                    + (presented.isEmpty() ? " (the hub sent no CA certificate)" : " (the hub's CA is " + presented
                            + ")"));
        }
        return matching;
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
        throw new CertificateException("the agent accepts no TLS clients");
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
        return anchors.toArray(X509Certificate[]::new);
    }
}
