package org.mezite.api.ca;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A leaf certificate and the CA certificate that issued it.
 *
 * @param certificate    the leaf
 * @param authority      the issuing CA's certificate
 * @param certificatePem the leaf in PEM
 * @param chainPem       the leaf then the CA certificate in PEM, what a TLS peer sends
 */
public record IssuedX509Certificate(X509Certificate certificate, X509Certificate authority, String certificatePem,
        String chainPem) {

    public IssuedX509Certificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(chainPem, "chainPem");
    }

    /** The leaf then the CA certificate, as a KeyManager or Netty's {@code SslContextBuilder} takes them. */
    public List<X509Certificate> chain() {
        return List.of(certificate, authority);
    }
}
