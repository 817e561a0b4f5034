package org.mezite.api.store;

/**
 * A write clashed with what is stored: a unique name is taken ({@code user "alice" already exists}) or a row is no
 * longer in the state the write expects ({@code access request 42 is already approved}).
 */
public class ConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
