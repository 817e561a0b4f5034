package org.mezite.auth.internal.join;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.mezite.api.audit.AuditDetails;

/** Node labels as roles match them: the same rules as the agent's configuration file. */
final class Labels {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._/:@-]{0,255}");
    private static final int MAX_LABELS = 64;

    private Labels() {
    }

    /**
     * @param field the request field, named in the message
     * @throws IllegalArgumentException naming the field and the label that is not acceptable
     */
    static Map<String, String> check(String field, Map<String, String> labels) {
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException(field + ": " + labels.size() + " labels, at most " + MAX_LABELS
                    + " are allowed");
        }
        Map<String, String> checked = new TreeMap<>();
        labels.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(field + ": key " + AuditDetails.quote(String.valueOf(key))
                        + " must be 1-63 letters, digits, '.', '_', '/' or '-', starting with a letter or digit");
            }
            if (value == null || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException(field + ": value of " + AuditDetails.quote(key)
                        + " may only hold letters, digits and '.', '_', '/', ':', '@', '-'");
            }
            checked.put(key, value);
        });
        return checked;
    }

    /** The agent's labels, overridden by the token's: an administrator's labels cannot be changed by the node. */
    static Map<String, String> merge(Map<String, String> fromAgent, Map<String, String> fromToken) {
        Map<String, String> merged = new TreeMap<>(fromAgent);
        merged.putAll(fromToken);
        return merged;
    }
}
