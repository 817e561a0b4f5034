package org.mezite.api.ca;

import org.osgi.annotation.versioning.ProviderType;

/** Signs OpenSSH host certificates with the cluster's host CA. */
@ProviderType
public interface HostCertificateSigner {

    /**
     * Signs a certificate valid from one minute ago until now plus the requested TTL, cut to the configured maximum.
     *
     * @throws InvalidCertificateRequestException when the request is unusable; the message says which field and why
     */
    SshCertificate sign(HostCertificateRequest request);
}
