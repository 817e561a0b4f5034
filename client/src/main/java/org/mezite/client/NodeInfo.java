package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A node as the proxy's {@code ls} lists it: {@code {"id","name","address","labels":{...},"online":true}}.
 *
 * @param labels sorted by key
 */
record NodeInfo(String id, String name, String address, Map<String, String> labels, boolean online) {

    static List<NodeInfo> parseList(byte[] json) {
        List<NodeInfo> nodes = new ArrayList<>();
        for (JsonValues node : JsonValues.parseArray(json, "the proxy's node list")) {
            String address = node.optionalString("address");
            nodes.add(new NodeInfo(node.string("id"), node.string("name"), address == null ? "" : address,
                    new TreeMap<>(node.stringMap("labels")), node.bool("online")));
        }
        nodes.sort(Comparator.comparing(NodeInfo::name).thenComparing(NodeInfo::id));
        return nodes;
    }

    /** {@code key=value,key=value}. */
    String labelText() {
        StringBuilder text = new StringBuilder();
        labels.forEach((key, value) -> text.append(text.length() == 0 ? "" : ",").append(key).append('=')
                .append(value));
        return text.toString();
    }

    /** The table {@code msh ls} prints: NAME ADDRESS LABELS ONLINE. */
    static String table(List<NodeInfo> nodes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "ADDRESS", "LABELS", "ONLINE"});
        for (NodeInfo node : nodes) {
            rows.add(new String[] {node.name(), node.address(), node.labelText(), node.online() ? "yes" : "no"});
        }
        return TextTable.of(rows);
    }

    /** The list as JSON, one array, in the proxy's field names. */
    static String json(List<NodeInfo> nodes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (NodeInfo node : nodes) {
                json.writeStartObject();
                json.writeStringField("id", node.id());
                json.writeStringField("name", node.name());
                json.writeStringField("address", node.address());
                json.writeObjectFieldStart("labels");
                for (Map.Entry<String, String> label : node.labels().entrySet()) {
                    json.writeStringField(label.getKey(), label.getValue());
                }
                json.writeEndObject();
                json.writeBooleanField("online", node.online());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }
}
