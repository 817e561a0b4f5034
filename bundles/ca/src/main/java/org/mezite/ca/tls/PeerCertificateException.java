package org.mezite.ca.tls;

/** A peer's certificate that does not identify anyone in this cluster; the message says why, fit for the peer. */
public final class PeerCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    public PeerCertificateException(String message) {
        super(message, null, false, false);
    }
}
