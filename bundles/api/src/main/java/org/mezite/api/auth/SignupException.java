package org.mezite.api.auth;

import java.util.Objects;

/** A signup was refused; the message is meant for the user and never contains the token, password or code. */
public class SignupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for programs. */
    public enum Reason {
        /** No invite has this token (or it is not a token at all). */
        UNKNOWN_TOKEN,
        /** The invite is older than its validity. */
        EXPIRED_TOKEN,
        /** The invite has been used; each works once. */
        USED_TOKEN,
        /** The password does not meet the policy; the message says which rule. */
        PASSWORD_REJECTED,
        /** The code does not match the secret of this invite now. */
        WRONG_CODE
    }

    private final Reason reason;

    public SignupException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
