package org.mezite.proxy.ssh.internal;

import java.util.concurrent.CompletionException;

import org.apache.sshd.common.SshConstants;

/** The proxy will not connect this request to a node; the message is for the user. */
final class RouteRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The SSH channel-open failure code: {@code SSH_OPEN_CONNECT_FAILED} or {@code ..._ADMINISTRATIVELY_PROHIBITED}. */
    private final int reasonCode;

    RouteRefusedException(String message) {
        this(message, SshConstants.SSH_OPEN_CONNECT_FAILED);
    }

    RouteRefusedException(String message, int reasonCode) {
        super(message, null, false, false);
        this.reasonCode = reasonCode;
    }

    /**
     * The refusal a routing future failed with, unwrapped from the {@link CompletionException}
     * that futures depending on it see.
     */
    static RouteRefusedException of(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RouteRefusedException refused ? refused
                : new RouteRefusedException("internal error (see the hub's log): " + cause);
    }

    int reasonCode() {
        return reasonCode;
    }
}
