package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A session recording as the proxy's {@code recordings ls --format json} lists it:
 * {@code {"session_id","user","login","node","started_at","duration_ms","complete","size_bytes"}}; the names the
 * recording did not carry are {@code null}.
 */
record RecordingInfo(String sessionId, String user, String login, String node, Instant startedAt, Duration duration,
        boolean complete, long sizeBytes) {

    private static final String WHAT = "the proxy's recording list";

    /** In the proxy's order (newest first). */
    static List<RecordingInfo> parseList(byte[] json) {
        List<RecordingInfo> recordings = new ArrayList<>();
        for (JsonValues recording : JsonValues.parseArray(json, WHAT)) {
            Instant started;
            try {
                started = Instant.parse(recording.string("started_at"));
            } catch (DateTimeParseException e) {
                throw MshException.failed(WHAT + " has a started_at that is no time: " + e.getParsedString());
            }
            recordings.add(new RecordingInfo(recording.string("session_id"), recording.optionalString("user"),
                    recording.optionalString("login"), recording.optionalString("node"), started,
                    Duration.ofMillis(recording.number("duration_ms")), recording.bool("complete"),
                    recording.number("size_bytes")));
        }
        return recordings;
    }

    /** The table {@code msh recordings ls} prints: ID USER LOGIN NODE STARTED DURATION COMPLETE. */
    static String table(List<RecordingInfo> recordings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "USER", "LOGIN", "NODE", "STARTED", "DURATION", "COMPLETE"});
        for (RecordingInfo recording : recordings) {
            rows.add(new String[] {shown(recording.sessionId()), shown(recording.user()), shown(recording.login()),
                shown(recording.node()), Times.format(recording.startedAt()), duration(recording.duration()),
                recording.complete() ? "yes" : "no"});
        }
        return TextTable.of(rows);
    }

    /** The list as JSON, one array, in the proxy's field names. */
    static String json(List<RecordingInfo> recordings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (RecordingInfo recording : recordings) {
                json.writeStartObject();
                json.writeStringField("session_id", recording.sessionId());
                json.writeStringField("user", recording.user());
                json.writeStringField("login", recording.login());
                json.writeStringField("node", recording.node());
                json.writeStringField("started_at", recording.startedAt().toString());
                json.writeNumberField("duration_ms", recording.duration().toMillis());
                json.writeBooleanField("complete", recording.complete());
                json.writeNumberField("size_bytes", recording.sizeBytes());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }

    /** {@code 1h02m03s}, {@code 4m05s}, {@code 6s}: to the second, since many sessions are short. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + twoDigits(minutes) + "m" + twoDigits(rest) + "s";
        }
        return minutes > 0 ? minutes + "m" + twoDigits(rest) + "s" : rest + "s";
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    /** A name from a recording, which a node wrote: no control characters reach the terminal. */
    private static String shown(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder shown = new StringBuilder(value.length());
        value.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }
}
