package org.mezite.agent.internal;

/**
 * Joining did not work. Final when trying again cannot help (the token was refused, the hub's CA is not the pinned
 * one); otherwise the hub could not be reached and the agent tries again.
 */
final class JoinException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean fatal;

    JoinException(String message, boolean fatal, Throwable cause) {
        super(message, cause);
        this.fatal = fatal;
    }

    boolean isFatal() {
        return fatal;
    }
}
