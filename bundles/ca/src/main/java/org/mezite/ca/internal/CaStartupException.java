package org.mezite.ca.internal;

/** The CAs cannot be brought up; the message is for the operator and names the CA, the cluster and the cause. */
final class CaStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CaStartupException(String message) {
        super(message);
    }
}
