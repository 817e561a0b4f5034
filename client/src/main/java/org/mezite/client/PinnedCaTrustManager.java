package org.mezite.client;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server whose certificate chain leads to the CA with the pinned key, with the JDK's own path validation and
 * host name check: the chain must hold a certificate with that key (the proxy sends its CA), which then becomes the
 * only trust anchor. A look-alike CA certificate carrying the pinned key but not its private half cannot sign a leaf
 * that validates.
 */
final class PinnedCaTrustManager extends X509ExtendedTrustManager {

    private final CaPin pin;

    PinnedCaTrustManager(CaPin pin) {
        this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        anchoredAtPin(chain).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        anchoredAtPin(chain).checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anchoredAtPin(chain).checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("msh does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("msh does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("msh does not accept TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private X509ExtendedTrustManager anchoredAtPin(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate certificate : chain) {
            if (pin.matches(certificate) && certificate.getBasicConstraints() >= 0) {
                return trusting(certificate);
            }
        }
        throw new CertificateException("no CA in the proxy's certificate chain has the pinned key " + pin
                + " (the chain is issued by " + (chain.length == 0 ? "nobody"
                        : chain[chain.length - 1].getIssuerX500Principal().getName()) + ")");
    }

    private static X509ExtendedTrustManager trusting(X509Certificate anchor) throws CertificateException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("pinned-ca", anchor);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new CertificateException("this JVM has no PKIX trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new CertificateException("cannot set up trust in the pinned CA: " + e.getMessage(), e);
        }
    }
}
