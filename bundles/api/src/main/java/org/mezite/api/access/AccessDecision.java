package org.mezite.api.access;

import java.util.Objects;

/**
 * The answer to an access question, with the reason for the audit log and the user's error message.
 *
 * @param allowed whether it is allowed
 * @param reason  why, naming the role or rule that decided, e.g. {@code login "root" is not among the logins of
 *                alice's certificate (ubuntu, alice)}
 */
public record AccessDecision(boolean allowed, String reason) {

    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
    }

    public static AccessDecision allow(String reason) {
        return new AccessDecision(true, reason);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }
}
