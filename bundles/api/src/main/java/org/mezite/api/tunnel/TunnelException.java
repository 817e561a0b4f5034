package org.mezite.api.tunnel;

/** A connection through a tunnel could not be made or broke; the message is fit for the user. */
public class TunnelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TunnelException(String message) {
        super(message);
    }

    public TunnelException(String message, Throwable cause) {
        super(message, cause);
    }
}
