package org.mezite.proxy.ssh.internal;

/** A key offered for user authentication that the proxy does not accept; the message says why, for user and audit. */
final class CertificateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The certificate's serial, or {@code null} when the key was no certificate. */
    private final Long serial;
    /** The Mezite user the certificate names, or {@code null}. */
    private final String username;
    /** Whether the user would want to be told (a certificate was offered); plain keys are tried silently. */
    private final boolean certificate;

    CertificateRefusedException(String message, Long serial, String username, boolean certificate) {
        super(message, null, false, false);
        this.serial = serial;
        this.username = username;
        this.certificate = certificate;
    }

    Long serial() {
        return serial;
    }

    String username() {
        return username;
    }

    boolean isCertificate() {
        return certificate;
    }
}
