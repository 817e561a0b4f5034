package org.mezite.api.ca;

/**
 * A certificate request that cannot be signed as asked; the message names the field and the problem, e.g.
 * {@code publicKey: unsupported key type "ssh-dss"}.
 */
public class InvalidCertificateRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCertificateRequestException(String message) {
        super(message);
    }
}
