package org.mezite.auth.local.internal;

import java.util.List;

/**
 * The JSON object of an audit event's {@code metadata}. Only names and codes go in here, never a secret; there is no
 * method that takes a password, code or token.
 */
final class AuditMetadata {

    private final StringBuilder json = new StringBuilder("{");

    AuditMetadata put(String name, String value) {
        field(name).append(quote(value)).append(',');
        return this;
    }

    AuditMetadata put(String name, long value) {
        field(name).append(value).append(',');
        return this;
    }

    AuditMetadata put(String name, boolean value) {
        field(name).append(value).append(',');
        return this;
    }

    AuditMetadata put(String name, List<String> values) {
        StringBuilder out = field(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        out.append("],");
        return this;
    }

    private StringBuilder field(String name) {
        return json.append(quote(name)).append(':');
    }

    @Override
    public String toString() {
        return json.length() == 1 ? "{}" : json.substring(0, json.length() - 1) + "}";
    }

    /** A JSON string literal (also a safe way to show a name in a message). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
