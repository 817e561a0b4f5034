package org.mezite.client;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * How msh decides to trust the proxy's HTTPS certificate: the cluster's CA by pin ({@code --ca-pin}), anything
 * ({@code --insecure}), or the CAs this machine trusts (a proxy with a certificate from a public CA).
 *
 * @param pin      the pinned CA, or {@code null}
 * @param insecure whether to trust anything
 */
record ProxyTrust(CaPin pin, boolean insecure) {

    static ProxyTrust system() {
        return new ProxyTrust(null, false);
    }

    SSLContext sslContext() {
        try {
            if (pin == null && !insecure) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager trust = insecure ? new InsecureTrustManager() : new PinnedCaTrustManager(pin);
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no TLS: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** What to do when the proxy's certificate was not accepted. */
    String hint() {
        if (pin != null) {
            return "check the pin against the one mezite:status prints on the hub; if the proxy is reached by a name"
                    + " its certificate lacks, add that name to public_addr in etc/org.mezite.proxy.web.cfg";
        }
        return "the proxy's certificate is not from a CA this machine trusts: pass --ca-pin sha256:... (mezite:status"
                + " prints it on the hub), or --insecure on a test setup";
    }
}
