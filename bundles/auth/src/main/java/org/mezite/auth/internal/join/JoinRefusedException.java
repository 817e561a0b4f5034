package org.mezite.auth.internal.join;

/** A join that Auth will not allow; the message is what the agent shows its operator. */
public final class JoinRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, with the code audit events carry. */
    enum Reason {
        UNKNOWN_TOKEN("unknown_token", "unknown join token"),
        EXPIRED_TOKEN("expired_token", "join token expired"),
        USED_TOKEN("used_token", "join token already used"),
        WRONG_TOKEN_TYPE("wrong_token_type", "join token is not for nodes");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        String code() {
            return code;
        }
    }

    private final Reason reason;

    JoinRefusedException(Reason reason) {
        super(reason.message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
