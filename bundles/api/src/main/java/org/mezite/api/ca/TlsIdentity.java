package org.mezite.api.ca;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A private key and its certificate: everything a TLS endpoint presents. {@link #toString()} leaves out the key.
 *
 * @param privateKey    the private key
 * @param privateKeyPem the private key as unencrypted PKCS#8 PEM; write it to a file only its owner can read
 * @param certificate   the certificate and its issuer
 */
public record TlsIdentity(PrivateKey privateKey, String privateKeyPem, IssuedX509Certificate certificate) {

    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
        return "TlsIdentity[privateKey=****, certificate=" + certificate.certificate().getSubjectX500Principal()
                + "]";
    }
}
