package org.mezite.rbac.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.hub.Durations;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the tree of one role document and compiles it. Every error names the role and the path of the field:
 * {@code role "dev": spec.allow.node_labels.region: invalid regular expression "^(eu": Unclosed group near index 4}.
 */
final class RoleSpecReader {

    static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,63}\\$?");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9._/:@-]{0,255}");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private static final List<String> TOP = List.of("kind", "version", "metadata", "spec");
    private static final List<String> METADATA = List.of("name", "description");
    private static final List<String> SPEC = List.of("options", "allow", "deny");
    private static final List<String> CONDITIONS = List.of("logins", "node_labels", "rules");
    private static final List<String> RULE = List.of("resources", "verbs");
    private static final List<String> OPTIONS = List.of("max_session_ttl", "forward_agent", "port_forwarding",
            "ssh_file_copy", "client_idle_timeout", "disconnect_expired_cert", "max_sessions", "record_session");

    /** How errors start before the name is known. */
    private String subject = "role document";

    /** The role's name and description, once {@link #read} has checked them. */
    private String name;
    private String description = "";

    /**
     * Checks and compiles a document's tree.
     *
     * @throws InvalidRoleException naming the role and the field
     */
    CompiledRole read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("", "expected a mapping with kind, version, metadata and spec");
        }
        // the name first, so that every other error can name the role (but a misspelt metadata is the error to tell)
        if (!present(root.get("metadata"))) {
            checkFields(root, "", TOP);
        }
        JsonNode metadata = required(root, "metadata", "");
        expectObject(metadata, "metadata");
        String candidate = text(required(metadata, "name", "metadata"), "metadata.name");
        if (!ROLE_NAME.matcher(candidate).matches()) {
            throw error("metadata.name", quote(candidate) + " is not a valid role name (letters, digits, '.', '_' and"
                    + " '-', starting with a letter or digit, at most 63)");
        }
        name = candidate;
        subject = "role " + quote(name);
        checkFields(metadata, "metadata", METADATA);
        JsonNode descriptionNode = metadata.get("description");
        if (present(descriptionNode)) {
            description = text(descriptionNode, "metadata.description");
        }

        checkFields(root, "", TOP);
        String kind = text(required(root, "kind", ""), "kind");
        if (!kind.equals("role")) {
            throw error("kind", quote(kind) + " is not role");
        }
        String version = text(required(root, "version", ""), "version");
        if (!version.equals("v1")) {
            throw error("version", quote(version) + " is not a supported version (v1)");
        }

        JsonNode spec = root.get("spec");
        if (!present(spec)) {
            return new CompiledRole(name, RoleOptions.NONE, RoleConditions.NONE, RoleConditions.NONE, null);
        }
        expectObject(spec, "spec");
        checkFields(spec, "spec", SPEC);
        RoleOptions options = options(spec.get("options"), "spec.options");
        RoleConditions allow = conditions(spec.get("allow"), "spec.allow");
        RoleConditions deny = conditions(spec.get("deny"), "spec.deny");
        return new CompiledRole(name, options, allow, deny, null);
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    private RoleOptions options(JsonNode node, String path) {
        if (!present(node)) {
            return RoleOptions.NONE;
        }
        expectObject(node, path);
        checkFields(node, path, OPTIONS);
        return new RoleOptions(
                duration(node.get("max_session_ttl"), path + ".max_session_ttl"),
                bool(node.get("forward_agent"), path + ".forward_agent"),
                bool(node.get("port_forwarding"), path + ".port_forwarding"),
                bool(node.get("ssh_file_copy"), path + ".ssh_file_copy"),
                duration(node.get("client_idle_timeout"), path + ".client_idle_timeout"),
                bool(node.get("disconnect_expired_cert"), path + ".disconnect_expired_cert"),
                maxSessions(node.get("max_sessions"), path + ".max_sessions"),
                recordSession(node.get("record_session"), path + ".record_session"));
    }

    private RoleConditions conditions(JsonNode node, String path) {
        if (!present(node)) {
            return RoleConditions.NONE;
        }
        expectObject(node, path);
        checkFields(node, path, CONDITIONS);
        ValueMatcher logins = logins(node.get("logins"), path + ".logins");
        LabelSelector labels = nodeLabels(node.get("node_labels"), path + ".node_labels");
        List<Rule> rules = rules(node.get("rules"), path + ".rules");
        return new RoleConditions(logins, labels, rules);
    }

    private ValueMatcher logins(JsonNode node, String path) {
        if (!present(node)) {
            return ValueMatcher.NONE;
        }
        List<String> entries = strings(node, path, false);
        return matcher(entries, path, login -> {
            if (!LOGIN.matcher(login).matches()) {
                throw new IllegalArgumentException(quote(login) + " is not a valid login");
            }
        });
    }

    private LabelSelector nodeLabels(JsonNode node, String path) {
        if (!present(node)) {
            return LabelSelector.NONE;
        }
        expectObject(node, path);
        List<String> keys = new ArrayList<>();
        List<ValueMatcher> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String keyPath = child(path, key);
            List<String> entries = strings(field.getValue(), keyPath, true);
            if (key.equals("*")) {
                if (!entries.equals(List.of("*"))) {
                    throw error(keyPath, "the key * goes only with the value * (every node)");
                }
                keys.add(null);
                values.add(ValueMatcher.compile(entries, value -> { }));
                continue;
            }
            if (!LABEL_KEY.matcher(key).matches()) {
                throw error(keyPath, quote(key) + " is not a valid label key");
            }
            keys.add(key);
            values.add(matcher(entries, keyPath, value -> {
                if (!LABEL_VALUE.matcher(value).matches()) {
                    throw new IllegalArgumentException(quote(value) + " is not a label value (to match several, use"
                            + " * alone or a regular expression ^...$)");
                }
            }));
        }
        if (keys.isEmpty()) {
            return LabelSelector.NONE;
        }
        return LabelSelector.of(keys, values);
    }

    private List<Rule> rules(JsonNode node, String path) {
        if (!present(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(path, "expected a list of {resources, verbs}");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String rulePath = path + "[" + i + "]";
            expectObject(rule, rulePath);
            checkFields(rule, rulePath, RULE);
            Set<String> resources = words(required(rule, "resources", rulePath), rulePath + ".resources",
                    Rule.RESOURCES, "resource");
            Set<String> verbs = words(required(rule, "verbs", rulePath), rulePath + ".verbs", Rule.VERBS, "verb");
            rules.add(new Rule(resources, verbs));
        }
        return rules;
    }

    private Set<String> words(JsonNode node, String path, Set<String> known, String what) {
        List<String> entries = strings(node, path, false);
        if (entries.isEmpty()) {
            throw error(path, "must name at least one " + what);
        }
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String word = entries.get(i);
            if (!word.equals("*") && !known.contains(word)) {
                throw error(path + "[" + i + "]", quote(word) + " is not a " + what + " (one of "
                        + String.join(", ", known.stream().sorted().toList()) + ", or *)");
            }
            words.add(word);
        }
        return words;
    }

    private ValueMatcher matcher(List<String> entries, String path, Consumer<String> literalCheck) {
        try {
            return ValueMatcher.compile(entries, literalCheck);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private Duration duration(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        String text = text(node, path);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private Boolean bool(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw error(path, "expected true or false, got " + describe(node));
        }
        return node.booleanValue();
    }

    private Integer maxSessions(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw error(path, "expected a whole number, 0 or more (0: no limit), got " + describe(node));
        }
        return node.intValue();
    }

    private RecordSessionMode recordSession(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        String value = text(node, path);
        return switch (value) {
            case "best_effort" -> RecordSessionMode.BEST_EFFORT;
            case "strict" -> RecordSessionMode.STRICT;
            default -> throw error(path, quote(value) + " is not one of best_effort, strict");
        };
    }

    /** A list of scalars; with {@code scalarAllowed}, a single scalar stands for a list of one. */
    private List<String> strings(JsonNode node, String path, boolean scalarAllowed) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            if (scalarAllowed && node.isValueNode()) {
                return List.of(text(node, path));
            }
            throw error(path, "expected a list" + (scalarAllowed ? " or a single value" : "") + ", got "
                    + describe(node));
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    /** A scalar as text: strings, and whole numbers and booleans as written ({@code 1} for a label {@code tier: 1}). */
    private String text(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw error(path, "expected a value, got " + describe(node));
    }

    private JsonNode required(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (!present(node)) {
            throw error(parentPath.isEmpty() ? field : parentPath + "." + field, "required");
        }
        return node;
    }

    private void expectObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw error(path, "expected a mapping, got " + describe(node));
        }
    }

    private void checkFields(JsonNode node, String path, List<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!known.contains(field)) {
                throw error(child(path, field), "unknown field (expected " + String.join(", ", known) + ")");
            }
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** The path of a map key: {@code spec.allow.node_labels.region}, or {@code ...node_labels["kubernetes.io/zone"]}. */
    private static String child(String path, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return path + "[" + quote(key) + "]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? quote(node.textValue()) : node.toString().toLowerCase(Locale.ROOT);
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }

    private InvalidRoleException error(String path, String message) {
        return new InvalidRoleException(subject + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }
}
