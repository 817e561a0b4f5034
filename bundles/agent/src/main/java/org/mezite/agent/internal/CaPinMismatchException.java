package org.mezite.agent.internal;

import java.security.cert.CertificateException;

/** The hub's TLS chain does not lead to the CA the agent was told to trust: joining must stop, not retry. */
final class CaPinMismatchException extends CertificateException {

    private static final long serialVersionUID = 1L;

    CaPinMismatchException(String message) {
        super(message);
    }
}
