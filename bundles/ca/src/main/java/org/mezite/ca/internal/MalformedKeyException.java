package org.mezite.ca.internal;

/** A public key blob that does not parse; the message says where it breaks. */
final class MalformedKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedKeyException(String message) {
        super(message);
    }
}
