package org.mezite.api.ca;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues X.509 certificates from the same CAs as the SSH certificates, for mutual TLS between msh, agents, proxies
 * and Auth. Trust them through {@link CaPublicIdentity#certificate()}.
 */
@ProviderType
public interface X509CertificateIssuer {

    /**
     * Certifies a key whose private half the caller holds.
     *
     * @param publicKey the subject's public key in OpenSSH format ({@code ssh-ed25519 AAAA...}, as for SSH
     *                  certificates): Ed25519, ECDSA or RSA
     * @throws InvalidCertificateRequestException when the key or the request is unusable
     */
    IssuedX509Certificate issue(String publicKey, X509CertificateRequest request);

    /**
     * Makes a new ECDSA P-256 key pair (the key type every TLS peer, browsers included, accepts) and certifies it,
     * e.g. for the proxy's HTTPS listener when no certificate is configured.
     *
     * @throws InvalidCertificateRequestException when the request is unusable
     */
    TlsIdentity generate(X509CertificateRequest request);
}
