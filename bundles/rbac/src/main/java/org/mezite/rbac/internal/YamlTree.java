package org.mezite.rbac.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import org.mezite.api.access.InvalidRoleException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a YAML document into a tree the way YAML 1.2 reads plain scalars, not YAML 1.1 as SnakeYAML does: only
 * {@code true}/{@code false} are booleans and only plain decimal integers are numbers, so that a label value
 * {@code no}, {@code on}, {@code 010} or {@code 1_000} stays the text the administrator wrote instead of becoming
 * {@code false}, {@code true}, {@code 8} or {@code 1000}. Aliases are refused (Jackson would read {@code *name} as
 * the text {@code name}), and so is a second document.
 */
final class YamlTree {

    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTree() {
    }

    /**
     * @throws InvalidRoleException for an alias or a second document
     * @throws IOException          for invalid YAML (Jackson's exceptions)
     */
    static JsonNode read(YAMLFactory factory, String text) throws IOException {
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = value(parser, token);
            if (parser.nextToken() != null) {
                throw invalid(parser, "only one document is allowed");
            }
            return root;
        }
    }

    private static JsonNode value(YAMLParser parser, JsonToken token) throws IOException {
        if (parser.isCurrentAlias()) {
            throw invalid(parser, "aliases (*" + parser.getText() + ") are not supported");
        }
        String raw = parser.getText();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_TRUE:
            case VALUE_FALSE:
                return BOOLEAN.matcher(raw).matches() ? NODES.booleanNode(token == JsonToken.VALUE_TRUE)
                        : NODES.textNode(raw);
            case VALUE_NUMBER_INT:
                return INTEGER.matcher(raw).matches() ? NODES.numberNode(Long.parseLong(raw)) : NODES.textNode(raw);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(raw);
        }
    }

    private static InvalidRoleException invalid(YAMLParser parser, String message) {
        JsonLocation location = parser.currentTokenLocation();
        return new InvalidRoleException("role document: invalid YAML: " + message + " (line " + location.getLineNr()
                + ", column " + location.getColumnNr() + ")");
    }
}
