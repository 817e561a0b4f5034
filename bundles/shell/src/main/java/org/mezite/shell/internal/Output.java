package org.mezite.shell.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@code --format text|json} for listings. */
final class Output {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Output() {
    }

    static boolean json(String format) {
        return switch (format == null ? "text" : format) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--format: \"" + format + "\" is not one of text, json");
        };
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }
}
