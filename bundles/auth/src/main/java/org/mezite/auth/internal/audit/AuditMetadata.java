package org.mezite.auth.internal.audit;

import java.util.List;
import java.util.Map;

/**
 * The JSON object of an audit event's {@code metadata}, for every audit event the Auth bundle writes. Only names,
 * ids, codes and lists of them go in here: there is no way to put a secret in.
 */
public final class AuditMetadata {

    private final StringBuilder json = new StringBuilder("{");

    public AuditMetadata put(String name, String value) {
        if (value != null) {
            field(name).append(Quote.json(value)).append(',');
        }
        return this;
    }

    public AuditMetadata put(String name, long value) {
        field(name).append(value).append(',');
        return this;
    }

    public AuditMetadata put(String name, boolean value) {
        field(name).append(value).append(',');
        return this;
    }

    public AuditMetadata put(String name, Map<String, String> values) {
        StringBuilder out = field(name).append('{');
        String separator = "";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out.append(separator).append(Quote.json(entry.getKey())).append(':').append(Quote.json(entry.getValue()));
            separator = ",";
        }
        out.append("},");
        return this;
    }

    public AuditMetadata put(String name, List<String> values) {
        StringBuilder out = field(name).append('[');
        String separator = "";
        for (String value : values) {
            out.append(separator).append(Quote.json(value));
            separator = ",";
        }
        out.append("],");
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
