package org.mezite.api.ca;

import org.osgi.annotation.versioning.ProviderType;

/** Signs OpenSSH user certificates with the cluster's user CA. */
@ProviderType
public interface UserCertificateSigner {

    /**
     * Signs a certificate valid from one minute ago (to absorb clock skew) until now plus the requested TTL, cut to
     * the configured maximum.
     *
     * @throws InvalidCertificateRequestException when the request is unusable; the message says which field and why
     */
    SshCertificate sign(UserCertificateRequest request);
}
