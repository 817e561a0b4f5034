package org.mezite.rbac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.access.RoleDocument;
import org.mezite.api.hub.Durations;

class RoleDocumentParserTest {

    private final RoleDocumentParser parser = new RoleDocumentParser();

    private static final String FULL = """
            # developers: their own logins and ubuntu on dev and staging
            kind: role
            version: v1
            metadata: {name: dev, description: "Developers"}
            spec:
              options: {max_session_ttl: 8h, forward_agent: false, port_forwarding: true, ssh_file_copy: true,
                        client_idle_timeout: 30m, disconnect_expired_cert: true, max_sessions: 10,
                        record_session: best_effort}
              allow:
                logins: ['{{internal.logins}}', ubuntu]
                node_labels: {env: [dev, staging], team: '{{external.team}}', 'region': '^eu-.*$'}
                rules: [{resources: [session], verbs: [list, read]}]
              deny:
                logins: [root]
                node_labels: {env: prod}
            """;

    private static String withSpec(String spec) {
        return "kind: role\nversion: v1\nmetadata: {name: dev}\nspec:\n" + spec.indent(2);
    }

    private void rejects(String document, String message) {
        assertThatThrownBy(() -> parser.parse(document)).isInstanceOf(InvalidRoleException.class)
                .hasMessage(message);
    }

    @Test
    void aValidYamlDocumentIsKeptAsWritten() {
        RoleDocument document = parser.parse(FULL);
        assertThat(document).isEqualTo(new RoleDocument("dev", "Developers", FULL));
    }

    @Test
    void aJsonDocumentIsConvertedToYamlThatReadsTheSame() {
        String json = """
                {"kind": "role", "version": "v1", "metadata": {"name": "ops", "description": "Ops: on call"},
                 "spec": {"options": {"max_session_ttl": "1h30m", "forward_agent": true},
                          "allow": {"logins": ["{{internal.logins}}", "ubuntu"],
                                    "node_labels": {"*": "*"},
                                    "rules": [{"resources": ["node"], "verbs": ["*"]}]}}}
                """;
        RoleDocument document = parser.parse(json);
        assertThat(document.name()).isEqualTo("ops");
        assertThat(document.description()).isEqualTo("Ops: on call");
        assertThat(document.yaml()).doesNotStartWith("{").contains("kind: role").contains("{{internal.logins}}");
        RoleDocument again = parser.parse(document.yaml());
        assertThat(again.name()).isEqualTo("ops");
        assertThat(again.yaml()).isEqualTo(document.yaml());
    }

    @Test
    void thePresetsAreValidAndNamed() {
        assertThat(parser.presets()).extracting(RoleDocument::name).containsExactly("access", "editor", "auditor");
        for (RoleDocument preset : parser.presets()) {
            assertThat(parser.parse(preset.yaml())).isEqualTo(preset);
        }
    }

    @Test
    void invalidYamlSaysWhatAndWhere() {
        rejects("kind: role\nversion: v1\nmetadata: {name: dev\nspec: {}\n",
                "role document: invalid YAML: while parsing a flow mapping: expected ',' or '}', but got : (line 4,"
                        + " column 5)");
    }

    @Test
    void invalidYamlHintsAtTheUsualMistakes() {
        assertThatThrownBy(() -> parser.parse("kind: role\nspec:\n  allow:\n    logins: [{{internal.logins}}]\n"))
                .isInstanceOf(InvalidRoleException.class)
                .hasMessageStartingWith("role document: invalid YAML: ")
                .hasMessageEndingWith("; quote templates: '{{internal.logins}}'");
        rejects(withSpec("allow:\n  node_labels: {env: *}\n"), "role document: invalid YAML: while scanning an alias:"
                + " unexpected character found }(125) (line 6, column 25); quote a lone *: '*'");
    }

    @Test
    void invalidJsonSaysWhere() {
        assertThatThrownBy(() -> parser.parse("{\"kind\": \"role\", }"))
                .isInstanceOf(InvalidRoleException.class)
                .hasMessageStartingWith("role document: invalid JSON: ")
                .hasMessageContaining("line 1");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> parser.parse("kind: role\nkind: role\nversion: v1\nmetadata: {name: dev}\n"))
                .hasMessageStartingWith("role document: invalid YAML: Duplicate field 'kind'");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRejected() {
        rejects("- kind: role\n", "role document: expected a mapping with kind, version, metadata and spec");
        rejects("   ", "role document: empty");
        rejects("a".repeat(RoleDocumentParser.MAX_LENGTH + 1), "role document: longer than 64 KiB");
    }

    @Test
    void theHeaderIsChecked() {
        rejects("kind: role\nversion: v1\n", "role document: metadata: required");
        rejects("kind: role\nversion: v1\nmetdata: {name: dev}\n",
                "role document: metdata: unknown field (expected kind, version, metadata, spec)");
        rejects("kind: role\nversion: v1\nmetadata: {description: x}\n", "role document: metadata.name: required");
        rejects("kind: role\nversion: v1\nmetadata: {name: 'dev team'}\n",
                "role document: metadata.name: \"dev team\" is not a valid role name (letters, digits, '.', '_' and"
                        + " '-', starting with a letter or digit, at most 63)");
        rejects("kind: user\nversion: v1\nmetadata: {name: dev}\n", "role \"dev\": kind: \"user\" is not role");
        rejects("kind: role\nversion: v7\nmetadata: {name: dev}\n",
                "role \"dev\": version: \"v7\" is not a supported version (v1)");
        rejects("version: v1\nmetadata: {name: dev}\n", "role \"dev\": kind: required");
        rejects("kind: role\nversion: v1\nmetadata: {name: dev, labels: {a: b}}\n",
                "role \"dev\": metadata.labels: unknown field (expected name, description)");
    }

    @Test
    void unknownFieldsAreRejectedWithTheirPath() {
        rejects(withSpec("allow:\n  nodes: [a]\n"),
                "role \"dev\": spec.allow.nodes: unknown field (expected logins, node_labels, rules)");
        rejects(withSpec("options: {max_ttl: 8h}\n"), "role \"dev\": spec.options.max_ttl: unknown field (expected"
                + " max_session_ttl, forward_agent, port_forwarding, ssh_file_copy, client_idle_timeout,"
                + " disconnect_expired_cert, max_sessions, record_session)");
        rejects(withSpec("deny:\n  rules: [{resources: [role], verbs: [delete], where: x}]\n"),
                "role \"dev\": spec.deny.rules[0].where: unknown field (expected resources, verbs)");
        rejects(withSpec("allow: {}\nextra: 1\n"),
                "role \"dev\": spec.extra: unknown field (expected options, allow, deny)");
    }

    @Test
    void regularExpressionsAreCompiled() {
        rejects(withSpec("allow:\n  node_labels: {region: '^(eu'}\n"),
                "role \"dev\": spec.allow.node_labels.region: invalid regular expression \"^(eu\": Unclosed group"
                        + " near index 4");
        rejects(withSpec("deny:\n  node_labels: {'kubernetes.io/zone': ['a', '^[z$']}\n"),
                "role \"dev\": spec.deny.node_labels[\"kubernetes.io/zone\"]: invalid regular expression \"^[z$\":"
                        + " Unclosed character class near index 3");
    }

    @Test
    void onlyKnownTemplateVariablesAreAccepted() {
        rejects(withSpec("allow:\n  logins: ['{{internal.team}}']\n"),
                "role \"dev\": spec.allow.logins: unknown template variable \"{{internal.team}}\" (known:"
                        + " {{internal.logins}}, {{external.NAME}})");
        rejects(withSpec("allow:\n  node_labels: {team: '{{user.team}}'}\n"),
                "role \"dev\": spec.allow.node_labels.team: unknown template variable \"{{user.team}}\" (known:"
                        + " {{internal.logins}}, {{external.NAME}})");
        rejects(withSpec("allow:\n  logins: ['{{external.team']\n"),
                "role \"dev\": spec.allow.logins: malformed template \"{{external.team\" (use {{internal.logins}} or"
                        + " {{external.NAME}})");
        rejects(withSpec("allow:\n  logins: ['{{external.a}}{{external.b}}']\n"),
                "role \"dev\": spec.allow.logins: \"{{external.a}}{{external.b}}\": only one template variable per"
                        + " value");
        assertThat(parser.parse(withSpec("allow:\n  logins: ['{{ external.unix_login }}', 'x-{{external.team}}']\n"))
                .name()).isEqualTo("dev");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "8x    | invalid duration \"8x\" (use e.g. 12h, 30m, 1h30m, 7d)",
        "1.5h  | invalid duration \"1.5h\" (use e.g. 12h, 30m, 1h30m, 7d)",
        "0s    | duration \"0s\" must be longer than zero",
        "'8 h' | invalid duration \"8 h\" (use e.g. 12h, 30m, 1h30m, 7d)"})
    void badDurationsAreRejected(String duration, String message) {
        rejects(withSpec("options: {max_session_ttl: " + duration + "}\n"),
                "role \"dev\": spec.options.max_session_ttl: " + message);
    }

    @Test
    void goodDurationsAreRead() {
        for (String duration : List.of("8h", "30m", "90s", "1h30m", "7d")) {
            assertThat(parser.read(withSpec("options: {client_idle_timeout: " + duration + "}\n")).role().options()
                    .clientIdleTimeout()).isEqualTo(Durations.parse(duration));
        }
        assertThat(Durations.format(Durations.parse("90m"))).isEqualTo("1h30m");
    }

    @Test
    void optionValuesAreChecked() {
        rejects(withSpec("options: {forward_agent: yes}\n"),
                "role \"dev\": spec.options.forward_agent: expected true or false, got \"yes\"");
        rejects(withSpec("options: {max_sessions: -1}\n"),
                "role \"dev\": spec.options.max_sessions: expected a whole number, 0 or more (0: no limit), got -1");
        rejects(withSpec("options: {record_session: always}\n"),
                "role \"dev\": spec.options.record_session: \"always\" is not one of best_effort, strict");
    }

    @Test
    void verbsAndResourcesMustBeKnown() {
        rejects(withSpec("allow:\n  rules: [{resources: [roles], verbs: [list]}]\n"),
                "role \"dev\": spec.allow.rules[0].resources[0]: \"roles\" is not a resource (one of audit,"
                        + " cert_authority, cluster, connector, lock, node, recording, role, session, token, user,"
                        + " or *)");
        rejects(withSpec("allow:\n  rules: [{resources: ['*'], verbs: [list, edit]}]\n"),
                "role \"dev\": spec.allow.rules[0].verbs[1]: \"edit\" is not a verb (one of create, delete, list,"
                        + " read, update, or *)");
        rejects(withSpec("allow:\n  rules: [{resources: [role]}]\n"), "role \"dev\": spec.allow.rules[0].verbs: required");
        rejects(withSpec("allow:\n  rules: [{resources: [], verbs: [list]}]\n"),
                "role \"dev\": spec.allow.rules[0].resources: must name at least one resource");
    }

    @Test
    void loginsAndLabelsAreChecked() {
        rejects(withSpec("allow:\n  logins: ubuntu\n"), "role \"dev\": spec.allow.logins: expected a list, got"
                + " \"ubuntu\"");
        rejects(withSpec("allow:\n  logins: ['bad login']\n"),
                "role \"dev\": spec.allow.logins: \"bad login\" is not a valid login");
        rejects(withSpec("allow:\n  node_labels: {env: 'dev*'}\n"),
                "role \"dev\": spec.allow.node_labels.env: \"dev*\" is not a label value (to match several, use * alone"
                        + " or a regular expression ^...$)");
        rejects(withSpec("allow:\n  node_labels: {'*': dev}\n"),
                "role \"dev\": spec.allow.node_labels[\"*\"]: the key * goes only with the value * (every node)");
        rejects(withSpec("allow:\n  node_labels: {env: {a: b}}\n"),
                "role \"dev\": spec.allow.node_labels.env: expected a list or a single value, got a mapping");
        rejects(withSpec("allow:\n  node_labels: [env]\n"),
                "role \"dev\": spec.allow.node_labels: expected a mapping, got a list");
    }

    @Test
    void yamlScalarsKeepTheTextAsWritten() {
        CompiledRole role = parser.read(withSpec("""
                allow:
                  logins: [on, 0755]
                  node_labels: {country: no, tier: 010, size: 1_000, big: 1e3}
                """)).role();
        assertThat(role.allow().logins().entries()).containsExactly("on", "0755");
        Map<String, String> labels = Map.of("country", "no", "tier", "010", "size", "1_000",
                "big", "1e3");
        assertThat(role.allow().nodeLabels().matches(labels, Map.of())).isTrue();
    }

    @Test
    void aliasesAndSecondDocumentsAreRejected() {
        rejects("kind: role\nversion: v1\nmetadata: {name: &n dev}\nspec:\n  allow:\n    logins: [*n]\n",
                "role document: invalid YAML: aliases (*n) are not supported (line 6, column 14)");
        rejects("kind: role\nversion: v1\nmetadata: {name: dev}\n---\nkind: role\n",
                "role document: invalid YAML: only one document is allowed (line 5, column 1)");
    }

    @Test
    void numbersAndEmptyFieldsAreAccepted() {
        RoleDocument document = parser.parse(withSpec("allow:\n  logins:\n  node_labels: {tier: 1}\ndeny:\n"));
        assertThat(document.name()).isEqualTo("dev");
        assertThat(parser.parse("kind: role\nversion: v1\nmetadata: {name: empty}\n").name()).isEqualTo("empty");
    }
}
