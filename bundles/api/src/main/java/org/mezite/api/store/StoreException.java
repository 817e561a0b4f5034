package org.mezite.api.store;

/** The store could not do what was asked; the message says what and why, never which secret was involved. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
