package org.mezite.auth.local.internal;

/** A new password breaks the policy; the message tells the user which rule and by how much. */
final class PasswordRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    PasswordRejectedException(String message) {
        super(message);
    }
}
