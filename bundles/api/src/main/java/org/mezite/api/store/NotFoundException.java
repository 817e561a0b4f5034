package org.mezite.api.store;

/** A write named a row that does not exist, e.g. {@code user "bob" does not exist}. */
public class NotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
