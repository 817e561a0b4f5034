package org.mezite.recording.internal;

import java.util.regex.Pattern;

/** Session ids become file names: only these are accepted. */
final class SessionIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SessionIds() {
    }

    static String require(String sessionId) {
        if (sessionId == null || !VALID.matcher(sessionId).matches() || sessionId.contains("..")) {
            throw new IllegalArgumentException("session id \"" + (sessionId == null ? "" : sessionId)
                    + "\" is not valid (letters, digits, '.', '_' and '-', at most 128)");
        }
        return sessionId;
    }
}
