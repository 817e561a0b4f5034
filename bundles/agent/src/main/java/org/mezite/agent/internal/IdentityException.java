package org.mezite.agent.internal;

/** The identity in the data dir cannot be read or written; the message names the file and what to do. */
final class IdentityException extends Exception {

    private static final long serialVersionUID = 1L;

    IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
