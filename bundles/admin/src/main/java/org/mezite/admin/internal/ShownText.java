package org.mezite.admin.internal;

import org.mezite.api.audit.AuditDetails;

/**
 * Text an administrator writes for users to read: lock and termination messages end up on the user's terminal, so
 * they may not carry control characters (escape sequences could rewrite what the terminal shows).
 */
final class ShownText {

    static final int MAX_LENGTH = 1024;

    private ShownText() {
    }

    /**
     * The text stripped of surrounding blanks, or {@code null} when there is none.
     *
     * @throws IllegalArgumentException naming the field when the text is too long or has control characters
     */
    static String check(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + ": longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": " + AuditDetails.quote(value)
                    + " has control characters; write plain text on one line");
        }
        return value;
    }
}
