package org.mezite.ca.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.mezite.api.store.CaType;

/**
 * Which client certificates a server's TLS layer accepts: those that some of the cluster's CAs signed. Validity in
 * time is left to the layer above, which can answer an expired certificate with a message the peer can show, rather
 * than a failed handshake that says nothing.
 */
public final class ClusterClientTrust extends X509ExtendedTrustManager {

    private final ClusterCertificates cluster;
    private final Set<CaType> issuers;

    /**
     * @param issuers the CAs whose client certificates are accepted, e.g. only the host CA for servers that only
     *                agents talk to
     */
    public ClusterClientTrust(ClusterCertificates cluster, Set<CaType> issuers) {
        this.cluster = cluster;
        this.issuers = issuers.isEmpty() ? Set.of() : EnumSet.copyOf(issuers);
    }

    /** Accepts client certificates of every cluster CA. */
    public static ClusterClientTrust anyCa(ClusterCertificates cluster) {
        return new ClusterClientTrust(cluster, EnumSet.allOf(CaType.class));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        if (cluster.issuerOf(chain[0]).filter(issuers::contains).isEmpty()) {
            throw new CertificateException("client certificate " + chain[0].getSubjectX500Principal()
                    + " was not issued by the " + issuers.stream().map(CaType::id).collect(Collectors.joining(" or "))
                    + " CA of cluster " + cluster.clusterName());
        }
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
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks TLS clients only");
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
    public X509Certificate[] getAcceptedIssuers() {
        return cluster.authorityCertificates(issuers);
    }
}
