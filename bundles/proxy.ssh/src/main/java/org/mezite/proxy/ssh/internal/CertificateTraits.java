package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads the user's traits from the certificate extension {@code mezite-traits@mezite.org}: a JSON object of string
 * lists, e.g. {@code {"logins":["alice","ubuntu"],"team":["dev"]}}, as the CA writes it. Lenient where the meaning is
 * plain (a single string is a list of one, {@code null} an empty list, an empty extension no traits); strict where
 * it is not: anything but strings, nested values, a trait named twice or text after the object is refused, since
 * role templates expand traits into logins and labels and a guess could grant access.
 */
final class CertificateTraits {

    static final String EXTENSION = "mezite-traits@mezite.org";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(3).build())
            .build();

    private CertificateTraits() {
    }

    /**
     * @param text the extension's value, or {@code null} when the certificate has none
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Map<String, List<String>> parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            Map<String, List<String>> traits = new LinkedHashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                traits.put(name, values(parser, name));
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON object");
            }
            return traits;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage());
        }
    }

    private static List<String> values(JsonParser parser, String name) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return List.of(parser.getText());
        }
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("trait \"" + name + "\" must be a list of strings, not " + kind(token));
        }
        List<String> values = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("trait \"" + name + "\" must be a list of strings, but holds "
                        + kind(token));
            }
            values.add(parser.getText());
        }
        return values;
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
