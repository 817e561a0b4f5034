package org.mezite.api.access;

/** An administrative call the caller's roles do not allow; the message names the resource, the verb and why. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
