package org.mezite.ca.internal;

/** An envelope that did not open; {@link #getMessage()} says why without saying anything about the secret. */
final class KeyUnwrapException extends Exception {

    private static final long serialVersionUID = 1L;

    KeyUnwrapException(String message) {
        super(message);
    }
}
