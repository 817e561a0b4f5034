package org.mezite.audit.listener.jsonl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.AuditEvent;

class JsonlAuditListenerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH_0 = "0".repeat(64);

    @TempDir
    Path data;

    @Test
    void everyEventIsALineWithEveryFieldAndTheDetailsAsAnObject() throws Exception {
        JsonlAuditListener listener = listener(config("", "100MB", 10));
        AuditEvent login = new AuditEvent(1, Instant.parse("2025-03-01T10:15:30.250Z"), "user.login", "T1000I",
                "alice", null, null, null, "192.0.2.7", "user", "login", "success",
                new AuditDetails().put("method", "local").put("roles", List.of("access", "editor")).toString(),
                HASH_0, "a".repeat(64));
        AuditEvent session = new AuditEvent(2, Instant.parse("2025-03-01T10:16:00Z"), "session.start", null,
                "alice", "root", "node-01", "0b6f4e0e-9d51-4c1e-a0c8-5b0c9e6d7a11", "192.0.2.7", "session", "start",
                "success", "{}", "a".repeat(64), "b".repeat(64));
        listener.onEvent(login);
        listener.onEvent(session);

        Path file = data.resolve("audit/audit.jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = MAPPER.readTree(lines.get(0));
        assertThat(fieldNames(first)).containsExactly("id", "time", "type", "code", "user", "login", "node",
                "session_id", "client_addr", "resource", "action", "result", "details", "prev_hash", "hash");
        assertThat(first.get("id").asLong()).isEqualTo(1);
        assertThat(first.get("time").asText()).isEqualTo("2025-03-01T10:15:30.250Z");
        assertThat(first.get("type").asText()).isEqualTo("user.login");
        assertThat(first.get("code").asText()).isEqualTo("T1000I");
        assertThat(first.get("user").asText()).isEqualTo("alice");
        assertThat(first.get("login").isNull()).isTrue();
        assertThat(first.get("client_addr").asText()).isEqualTo("192.0.2.7");
        assertThat(first.get("result").asText()).isEqualTo("success");
        assertThat(first.get("details").isObject()).isTrue();
        assertThat(first.get("details").get("method").asText()).isEqualTo("local");
        assertThat(first.get("details").get("roles").get(1).asText()).isEqualTo("editor");
        assertThat(first.get("prev_hash").asText()).isEqualTo(HASH_0);
        assertThat(first.get("hash").asText()).isEqualTo("a".repeat(64));

        JsonNode second = MAPPER.readTree(lines.get(1));
        assertThat(second.get("time").asText()).isEqualTo("2025-03-01T10:16:00Z");
        assertThat(second.get("code").isNull()).isTrue();
        assertThat(second.get("login").asText()).isEqualTo("root");
        assertThat(second.get("node").asText()).isEqualTo("node-01");
        assertThat(second.get("session_id").asText()).isEqualTo("0b6f4e0e-9d51-4c1e-a0c8-5b0c9e6d7a11");
        assertThat(second.get("details").isObject()).isTrue();
        assertThat(second.get("details").size()).isZero();
        listener.close();
    }

    @Test
    void textThatNeedsEscapingStaysOnItsOwnLine() throws Exception {
        JsonlAuditListener listener = listener(config("", "100MB", 10));
        listener.onEvent(event(1, "exec.command", new AuditDetails().put("command", "echo \"a\nb\" \u2028 é")
                .toString()));
        listener.onEvent(event(2, "exec.command", "{}"));

        List<String> lines = Files.readAllLines(data.resolve("audit/audit.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(MAPPER.readTree(lines.get(0)).get("details").get("command").asText())
                .isEqualTo("echo \"a\nb\" \u2028 é");
        listener.close();
    }

    @Test
    void metadataThatIsNotAnObjectIsPassedOnAsText() throws Exception {
        JsonlAuditListener listener = listener(config("", "100MB", 10));
        listener.onEvent(event(1, "odd", "not json"));

        String line = Files.readAllLines(data.resolve("audit/audit.jsonl")).get(0);
        assertThat(MAPPER.readTree(line).get("details").asText()).isEqualTo("not json");
        listener.close();
    }

    @Test
    void rotationKeepsMaxFilesInAllAndNeverSplitsALine() throws Exception {
        JsonlAuditListener listener = listener(config("", "1KB", 3));
        int count = 60;
        for (int id = 1; id <= count; id++) {
            listener.onEvent(event(id, "session.start", "{}"));
        }
        listener.close();

        Path file = data.resolve("audit/audit.jsonl");
        assertThat(file).exists();
        assertThat(data.resolve("audit/audit.jsonl.1")).exists();
        assertThat(data.resolve("audit/audit.jsonl.2")).exists();
        assertThat(data.resolve("audit/audit.jsonl.3")).doesNotExist();
        try (var listing = Files.list(data.resolve("audit"))) {
            assertThat(listing.count()).isEqualTo(3);
        }
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("audit.jsonl.2", "audit.jsonl.1", "audit.jsonl")) {
            Path part = data.resolve("audit").resolve(name);
            assertThat(Files.size(part)).isLessThanOrEqualTo(1024);
            for (String line : Files.readAllLines(part)) {
                ids.add(MAPPER.readTree(line).get("id").asLong());
            }
        }
        // the newest events, in order, without a gap: only whole older files were dropped
        assertThat(ids.get(ids.size() - 1)).isEqualTo(count);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(ids.get(i - 1) + 1);
        }
        assertThat(ids.get(0)).isGreaterThan(1);
    }

    @Test
    void aSmallerMaxFilesDropsTheFilesBeyondItAtTheNextRotation() throws Exception {
        JsonlAuditListener wide = listener(config("", "1KB", 6));
        for (int id = 1; id <= 60; id++) {
            wide.onEvent(event(id, "session.start", "{}"));
        }
        wide.close();
        assertThat(data.resolve("audit/audit.jsonl.5")).exists();

        JsonlAuditListener narrow = listener(config("", "1KB", 2));
        for (int id = 61; id <= 80; id++) {
            narrow.onEvent(event(id, "session.start", "{}"));
        }
        narrow.close();
        try (var listing = Files.list(data.resolve("audit"))) {
            assertThat(listing.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("audit.jsonl", "audit.jsonl.1");
        }
    }

    @Test
    void maxFilesOfOneStartsTheFileAgain() throws Exception {
        JsonlAuditListener listener = listener(config("", "1KB", 1));
        for (int id = 1; id <= 30; id++) {
            listener.onEvent(event(id, "session.start", "{}"));
        }
        listener.close();
        try (var listing = Files.list(data.resolve("audit"))) {
            assertThat(listing.count()).isEqualTo(1);
        }
        List<String> lines = Files.readAllLines(data.resolve("audit/audit.jsonl"));
        assertThat(MAPPER.readTree(lines.get(lines.size() - 1)).get("id").asLong()).isEqualTo(30);
    }

    @Test
    void aRelativeFileIsTakenFromTheDataDirAndAnExistingFileIsContinued() throws Exception {
        Path file = data.resolve("siem/events.jsonl");
        Files.createDirectories(file.getParent());
        // the hub was stopped in the middle of a line
        Files.writeString(file, "{\"id\":1}\n{\"id\":2,\"ty");

        JsonlAuditListener listener = listener(config("siem/events.jsonl", "100MB", 10));
        listener.onEvent(event(3, "session.end", "{}"));
        listener.close();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"id\":1}");
        assertThat(lines.get(1)).isEqualTo("{\"id\":2,\"ty");
        assertThat(MAPPER.readTree(lines.get(2)).get("id").asLong()).isEqualTo(3);
    }

    @Test
    void invalidSettingsStopActivationNamingTheKey() throws IOException {
        assertThatThrownBy(() -> listener(config("", "lots", 10))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etc/org.mezite.audit.listener.jsonl.cfg: max_size: \"lots\" is not a size (use e.g."
                        + " 100MB, 10KB or a number of bytes)");
        assertThatThrownBy(() -> listener(config("", "0MB", 10)))
                .hasMessage("etc/org.mezite.audit.listener.jsonl.cfg: max_size: \"0MB\" must be larger than zero");
        assertThatThrownBy(() -> listener(config("", "100MB", 0)))
                .hasMessage("etc/org.mezite.audit.listener.jsonl.cfg: max_files: must be 1 or more, not 0");

        Files.writeString(data.resolve("plain-file"), "not a directory");
        assertThatThrownBy(() -> listener(config("plain-file/audit.jsonl", "100MB", 10)))
                .hasMessageStartingWith("etc/org.mezite.audit.listener.jsonl.cfg: file: cannot write "
                        + data.resolve("plain-file/audit.jsonl").toAbsolutePath());
    }

    @Test
    void aStoppedListenerRefusesEvents() throws Exception {
        JsonlAuditListener listener = listener(config("", "100MB", 10));
        listener.close();
        assertThatThrownBy(() -> listener.onEvent(event(1, "user.login", "{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is stopped");
    }

    private JsonlAuditListener listener(JsonlListenerConfig config) {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        HubSettings hub = new HubSettings("prod", Set.of(HubRole.AUTH), any, any, any, any, data,
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite::memory:", "", "", 1));
        return new JsonlAuditListener(config, hub);
    }

    private static AuditEvent event(long id, String type, String metadata) {
        return new AuditEvent(id, Instant.parse("2025-03-01T10:00:00Z").plusSeconds(id), type, null, "alice",
                "root", "node-01", "session-" + id, "192.0.2.7", "session", "start", "success", metadata, HASH_0,
                "f".repeat(64));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code etc/org.mezite.audit.listener.jsonl.cfg} as DS hands it to the component. */
    static JsonlListenerConfig config(String file, String maxSize, int maxFiles) {
        Map<String, Object> values = Map.of("file", file, "max__size", maxSize, "max__files", maxFiles);
        return (JsonlListenerConfig) Proxy.newProxyInstance(JsonlListenerConfig.class.getClassLoader(),
                new Class<?>[] {JsonlListenerConfig.class}, (self, method, args) -> {
                    Object value = values.get(method.getName());
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }
}
