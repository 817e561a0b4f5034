package org.mezite.auth.internal.grpc;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which client certificates the TLS layer accepts: those the cluster's CAs signed. Validity in time is left to
 * {@link ClientCertificateInterceptor}, which answers an expired certificate with a message the agent can show,
 * rather than a failed handshake that says nothing; calls that need no certificate are not affected either way.
 */
final class ClusterClientTrust extends X509ExtendedTrustManager {

    private final ClusterCertificates cluster;

    ClusterClientTrust(ClusterCertificates cluster) {
        this.cluster = cluster;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        if (cluster.issuerOf(chain[0]).isEmpty()) {
            throw new CertificateException("client certificate " + chain[0].getSubjectX500Principal()
                    + " was not issued by a CA of this cluster");
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
        throw new CertificateException("the Auth server does not connect to TLS servers");
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
        return cluster.authorityCertificates();
    }
}
