package org.mezite.store.jpa.internal.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON the entities keep in text columns (role lists, traits, labels): arrays of strings, objects of strings and
 * objects of string arrays, written compactly with sorted keys. Anything else in such a column is reported as corrupt.
 */
final class JsonText {

    /*
     * Static because EclipseLink instantiates the entities reflectively, so nothing can be injected into them. An
     * ObjectMapper is immutable and thread-safe once built, so this is one shared codec per bundle class loader, not
     * state; it holds no service.
     */
    private static final JsonMapper MAPPER = new JsonMapper();

    private JsonText() {
    }

    static String writeList(List<String> values) {
        // copyOf throws on a null element here instead of storing a column that can never be read back
        return write(List.copyOf(values));
    }

    static String writeMap(Map<String, String> values) {
        return write(new TreeMap<>(Map.copyOf(values)));
    }

    static String writeListMap(Map<String, List<String>> values) {
        Map<String, List<String>> sorted = new TreeMap<>();
        values.forEach((name, list) -> sorted.put(name, List.copyOf(list)));
        return write(sorted);
    }

    static List<String> readList(String json) {
        return strings(read(json), json);
    }

    static Map<String, String> readMap(String json) {
        JsonNode value = read(json);
        if (!value.isObject()) {
            throw corrupt(json, "an object of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (!member.getValue().isTextual()) {
                throw corrupt(json, "an object of strings");
            }
            result.put(member.getKey(), member.getValue().textValue());
        }
        return Collections.unmodifiableMap(result);
    }

    static Map<String, List<String>> readListMap(String json) {
        JsonNode value = read(json);
        if (!value.isObject()) {
            throw corrupt(json, "an object of string arrays");
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            result.put(member.getKey(), strings(member.getValue(), json));
        }
        return Collections.unmodifiableMap(result);
    }

    private static List<String> strings(JsonNode value, String json) {
        if (!value.isArray()) {
            throw corrupt(json, "an array of strings");
        }
        List<String> result = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw corrupt(json, "an array of strings");
            }
            result.add(item.textValue());
        }
        return List.copyOf(result);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // strings and lists and maps of them always serialise; this would be a bug in Jackson
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly one JSON value, so that a column with two documents or trailing text counts as corrupt. */
    private static JsonNode read(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonNode value = MAPPER.readTree(parser);
            if (value == null) {
                throw malformed(json, parser.currentLocation(), "unexpected end");
            }
            if (parser.nextToken() != null) {
                throw malformed(json, parser.currentTokenLocation(), "unexpected text after the value");
            }
            return value;
        } catch (JsonEOFException e) {
            // Jackson's own text here points at a redacted source location, which only confuses the reader
            throw malformed(json, e.getLocation(), "unexpected end");
        } catch (JsonProcessingException e) {
            throw malformed(json, e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from parsing a String
        }
    }

    private static IllegalStateException corrupt(String json, String expected) {
        return new IllegalStateException("stored JSON " + shown(json) + " is not " + expected);
    }

    private static IllegalStateException malformed(String json, JsonLocation at, String what) {
        String where = at == null || at.getCharOffset() < 0 ? "" : " at character " + at.getCharOffset();
        return new IllegalStateException("stored JSON " + shown(json) + " is malformed" + where + ": " + what);
    }

    private static String shown(String json) {
        return json.length() > 80 ? json.substring(0, 80) + "..." : json;
    }
}
