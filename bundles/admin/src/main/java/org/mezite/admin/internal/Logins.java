package org.mezite.admin.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.mezite.api.audit.AuditDetails;

/** Unix logins as users' {@code logins} trait lists them: names that useradd accepts, nothing that looks like an option. */
final class Logins {

    static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\$?");

    private Logins() {
    }

    /** @throws IllegalArgumentException naming the first login that cannot be one */
    static void check(List<String> logins) {
        for (String login : logins) {
            if (login == null || login.length() > MAX_LENGTH || !VALID.matcher(login).matches()) {
                throw new IllegalArgumentException("login " + AuditDetails.quote(String.valueOf(login))
                        + " is not acceptable: use letters, digits and . _ - (at most " + MAX_LENGTH
                        + " characters, starting with a letter, a digit or _)");
            }
        }
    }
}
