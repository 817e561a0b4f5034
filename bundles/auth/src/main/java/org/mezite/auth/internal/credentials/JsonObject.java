package org.mezite.auth.internal.credentials;

import java.util.List;

/** The JSON object of an audit event's {@code metadata}, built from names, ids and lists of them. */
final class JsonObject {

    private final StringBuilder json = new StringBuilder("{");

    JsonObject put(String name, String value) {
        field(name);
        string(value);
        return this;
    }

    JsonObject put(String name, List<String> values) {
        field(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(values.get(i));
        }
        json.append(']');
        return this;
    }

    private StringBuilder field(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        return json.append(':');
    }

    private void string(String value) {
        json.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    @Override
    public String toString() {
        return json + "}";
    }
}
