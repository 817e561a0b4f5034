package org.mezite.api.audit;

import java.util.List;
import java.util.Map;

/**
 * The JSON object of an audit event's {@code metadata}. Only names, ids, codes, counts and lists of them go in here:
 * there is no way to put a secret in.
 */
public final class AuditDetails {

    private final StringBuilder json = new StringBuilder("{");

    public AuditDetails put(String name, String value) {
        if (value != null) {
            field(name).append(quote(value)).append(',');
        }
        return this;
    }

    public AuditDetails put(String name, long value) {
        field(name).append(value).append(',');
        return this;
    }

    public AuditDetails put(String name, boolean value) {
        field(name).append(value).append(',');
        return this;
    }

    public AuditDetails put(String name, Map<String, String> values) {
        StringBuilder out = field(name).append('{');
        String separator = "";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out.append(separator).append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
            separator = ",";
        }
        out.append("},");
        return this;
    }

    public AuditDetails put(String name, List<String> values) {
        StringBuilder out = field(name).append('[');
        String separator = "";
        for (String value : values) {
            out.append(separator).append(quote(value));
            separator = ",";
        }
        out.append("],");
        return this;
    }

    private StringBuilder field(String name) {
        return json.append(quote(name)).append(':');
    }

    /** A JSON string literal: for metadata, and a safe way to show a value someone else typed in a message. */
    public static String quote(String value) {
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

    @Override
    public String toString() {
        return json.length() == 1 ? "{}" : json.substring(0, json.length() - 1) + "}";
    }
}
