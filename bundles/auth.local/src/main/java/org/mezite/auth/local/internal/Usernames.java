package org.mezite.auth.local.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.mezite.api.audit.AuditDetails;

/**
 * Which local user names are acceptable: letters, digits and {@code . _ @ + -}, so that e-mail addresses work and
 * names are safe in certificates, URIs and log lines.
 */
final class Usernames {

    static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._@+-]*");

    private Usernames() {
    }

    /** Why the name is not acceptable, or empty when it is. */
    static Optional<String> problem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("user name is empty");
        }
        if (username.length() > MAX_LENGTH) {
            return Optional.of("user name is longer than " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(username).matches()) {
            return Optional.of("user name " + AuditDetails.quote(username) + " is not acceptable: use letters,"
                    + " digits and . _ @ + - and start with a letter, a digit or _");
        }
        return Optional.empty();
    }

    static boolean acceptable(String username) {
        return problem(username).isEmpty();
    }
}
