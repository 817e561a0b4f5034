package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The proxy's JSON, through Jackson's streaming parser only: msh starts for every command, and the API's answers are
 * flat objects of strings and lists, for which a data-binding layer would cost start-up time and buy nothing.
 */
final class JsonValues {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Map<String, Object> fields;
    private final String what;

    private JsonValues(Map<String, Object> fields, String what) {
        this.fields = fields;
        this.what = what;
    }

    /**
     * @param what names the document in errors, e.g. {@code the proxy's answer to /v1/login}
     * @throws MshException when it is not a JSON object
     */
    static JsonValues parse(byte[] json, String what) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw MshException.failed(what + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) value(parser);
            return new JsonValues(fields, what);
        } catch (JsonProcessingException e) {
            throw MshException.failed(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array
        }
    }

    /**
     * @param what names the document in errors
     * @return the array's objects
     * @throws MshException when it is not a JSON array of objects
     */
    static List<JsonValues> parseArray(byte[] json, String what) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw MshException.failed(what + " is not a JSON array");
            }
            List<JsonValues> objects = new ArrayList<>();
            for (Object item : (List<?>) value(parser)) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw MshException.failed(what + " holds something other than objects");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                objects.add(new JsonValues(object, what));
            }
            return objects;
        } catch (JsonProcessingException e) {
            throw MshException.failed(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** A string field, or {@code null} when absent. */
    String optionalString(String name) {
        return fields.get(name) instanceof String s ? s : null;
    }

    /** @throws MshException when the field is missing or not a string */
    String string(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw MshException.failed(what + " lacks \"" + name + "\"");
        }
        return value;
    }

    /** A list of strings; empty when absent. */
    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        if (fields.get(name) instanceof List<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        }
        return values;
    }

    /** @throws MshException when the field is missing or not a whole number */
    long number(String name) {
        Object value = fields.get(name);
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw MshException.failed(what + " lacks the number \"" + name + "\"");
    }

    /** A boolean field; {@code false} when absent. */
    boolean bool(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }

    /** An object of strings, in its order; empty when absent. */
    Map<String, String> stringMap(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        if (fields.get(name) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        }
        return values;
    }

    /** A list of objects; empty when absent. */
    List<JsonValues> objects(String name) {
        List<JsonValues> values = new ArrayList<>();
        if (fields.get(name) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) map;
                    values.add(new JsonValues(object, what));
                }
            }
        }
        return values;
    }

    /** Writes one JSON object; the caller writes its fields. */
    static byte[] object(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The fields of an object being written. */
    interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }
}
