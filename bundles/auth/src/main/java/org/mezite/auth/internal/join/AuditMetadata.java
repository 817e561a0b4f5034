package org.mezite.auth.internal.join;

import java.util.Map;

/**
 * The JSON object of an audit event's {@code metadata}. Only names, ids and codes go in here: there is no way to put
 * a join token in.
 */
final class AuditMetadata {

    private final StringBuilder json = new StringBuilder("{");

    AuditMetadata put(String name, String value) {
        if (value != null) {
            field(name).append(Quote.json(value)).append(',');
        }
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

    AuditMetadata put(String name, Map<String, String> values) {
        StringBuilder out = field(name).append('{');
        String separator = "";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out.append(separator).append(Quote.json(entry.getKey())).append(':').append(Quote.json(entry.getValue()));
            separator = ",";
        }
        out.append("},");
        return this;
    }

    private StringBuilder field(String name) {
        return json.append(Quote.json(name)).append(':');
    }

    @Override
    public String toString() {
        return json.length() == 1 ? "{}" : json.substring(0, json.length() - 1) + "}";
    }
}
