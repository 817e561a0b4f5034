package org.mezite.rbac.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.access.RoleDocument;
import org.mezite.api.access.RoleDocuments;
import org.osgi.service.component.annotations.Component;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads role documents, YAML or JSON (a document whose first character is <code>{</code> is read as JSON), and checks
 * them strictly (see {@link RoleSpecReader}); YAML scalars are read as YAML 1.2 does (see {@link YamlTree}). A YAML document is kept as the administrator wrote it, comments and all;
 * a JSON one is converted to YAML.
 */
@Component(service = RoleDocuments.class)
public final class RoleDocumentParser implements RoleDocuments {

    /** Far above any real role; keeps a pasted mistake from costing much. */
    static final int MAX_LENGTH = 64 * 1024;

    private static final List<String> PRESETS = List.of("access", "editor", "auditor");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final YAMLFactory yaml = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // on by default in a plain YAMLFactory, off in one from the builder: `logins:` with nothing is null
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    private final ObjectMapper yamlWriter = YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()).build();

    /** A template where YAML reads a flow mapping: {@code [{{...}}]}, {@code key: {{...}}}, {@code - {{...}}}. */
    private static final Pattern UNQUOTED_TEMPLATE = Pattern.compile("(^|[\\[:,-])\\s*\\{\\{", Pattern.MULTILINE);

    private final List<RoleDocument> presets;

    public RoleDocumentParser() {
        List<RoleDocument> documents = new ArrayList<>();
        for (String name : PRESETS) {
            documents.add(parse(resource("/presets/" + name + ".yaml")));
        }
        presets = List.copyOf(documents);
    }

    @Override
    public RoleDocument parse(String text) {
        return read(text).document();
    }

    @Override
    public List<RoleDocument> presets() {
        return presets;
    }

    /**
     * Reads, checks and compiles a role document.
     *
     * @throws InvalidRoleException naming the role and the field
     */
    ParsedRole read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRoleException("role document: empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRoleException("role document: longer than " + MAX_LENGTH / 1024 + " KiB");
        }
        boolean isJson = text.stripLeading().startsWith("{");
        JsonNode tree;
        try {
            tree = isJson ? json.readTree(text) : YamlTree.read(yaml, text);
        } catch (JacksonException e) {
            throw new InvalidRoleException("role document: invalid " + (isJson ? "JSON" : "YAML") + ": "
                    + describe(e) + (isJson ? "" : hint(text, e)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        RoleSpecReader reader = new RoleSpecReader();
        CompiledRole role = reader.read(tree);
        String yamlText;
        if (isJson) {
            try {
                yamlText = yamlWriter.writeValueAsString(tree);
            } catch (JacksonException e) {
                throw new IllegalStateException("cannot write role " + reader.name() + " as YAML", e);
            }
        } else {
            yamlText = text;
        }
        return new ParsedRole(new RoleDocument(reader.name(), reader.description(), yamlText), role);
    }

    /** The parser's message without its source excerpt, and where in the text. */
    private static String describe(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                // SnakeYAML says what it was reading ("while parsing a flow mapping") and what it found
                Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
                String problem = yaml.getProblem() == null ? "" : yaml.getProblem().strip();
                String context = yaml.getContext() == null ? "" : yaml.getContext().strip();
                String message = context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
                return mark == null ? message
                        : message + " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
            }
        }
        String message = e.getOriginalMessage();
        message = message == null ? e.getClass().getSimpleName() : message.strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    /** The usual cause of a YAML error in a role: a template or a lone {@code *} without quotes. */
    private static String hint(String text, JacksonException e) {
        if (UNQUOTED_TEMPLATE.matcher(text).find()) {
            return "; quote templates: '{{internal.logins}}'";
        }
        if (String.valueOf(e.getMessage()).contains("alias")) {
            return "; quote a lone *: '*'";
        }
        return "";
    }

    private static String resource(String path) {
        try (InputStream in = RoleDocumentParser.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid role document and its compiled role.
     *
     * @param document what is stored and shown
     * @param role     what decides
     */
    record ParsedRole(RoleDocument document, CompiledRole role) {
    }
}
