package org.mezite.client;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads an asciicast v2 recording line by line as its bytes arrive: the header (a JSON object) first, then one event
 * per line, {@code [SECONDS, "CODE", "DATA"]}. A recording of a session that was cut off may end in half a line; that
 * line is left out (see {@link #endedInAPartialLine()}), anything else that is no event is an error naming its line.
 */
final class AsciicastReader implements Closeable {

    /**
     * The recording's header.
     *
     * @param width     terminal columns, 0 when not given
     * @param height    terminal rows, 0 when not given
     * @param timestamp when the recording started, or {@code null}
     * @param mezite    Mezite's fields ({@code session_id}, {@code user}, {@code login}, {@code node}, ...) as text
     * @param line      the line as recorded
     */
    record Header(int width, int height, Instant timestamp, String title, Map<String, String> mezite, String line) {
    }

    /**
     * One event.
     *
     * @param time seconds since the start
     * @param code {@code o} (output), {@code r} (resize, data {@code COLSxROWS}), {@code i} (input), {@code m} (marker)
     * @param line the line as recorded
     */
    record Event(double time, String code, String data, String line) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final BufferedReader lines;
    private final String name;
    private final Header header;
    private long lineNumber;
    private boolean partialEnd;

    /**
     * Reads the header.
     *
     * @param name names the recording in errors, e.g. {@code session 9b2c...} or a file name
     * @throws MshException when it does not start with an asciicast v2 header
     */
    AsciicastReader(InputStream text, String name) throws IOException {
        this.lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 64 * 1024);
        this.name = name;
        String first = lines.readLine();
        lineNumber = 1;
        if (first == null || first.isBlank()) {
            throw MshException.failed(name + " is empty");
        }
        header = header(first);
    }

    Header header() {
        return header;
    }

    /** The next event, or {@code null} at the end of the recording. */
    Event next() throws IOException {
        String line;
        do {
            line = lines.readLine();
            lineNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        Event event = event(line);
        if (event != null) {
            return event;
        }
        long bad = lineNumber;
        String after = lines.readLine();
        if (after == null) {
            partialEnd = true;
            return null;
        }
        throw MshException.failed("line " + bad + " of " + name + " is not an asciicast event");
    }

    /** Whether the recording ended in half a line, as one cut off mid-session may (known once it ended). */
    boolean endedInAPartialLine() {
        return partialEnd;
    }

    private Header header(String line) {
        JsonValues fields;
        try {
            fields = JsonValues.parse(line.getBytes(StandardCharsets.UTF_8), name + "'s header");
        } catch (MshException e) {
            throw MshException.failed(name + " is not an asciicast recording: its first line is not a JSON object");
        }
        long version = number(fields, "version");
        if (version != 2) {
            throw MshException.failed(name + " is not an asciicast v2 recording (version "
                    + (version < 0 ? "missing" : Long.toString(version)) + ")");
        }
        long timestamp = number(fields, "timestamp");
        return new Header((int) Math.max(0, number(fields, "width")), (int) Math.max(0, number(fields, "height")),
                timestamp < 0 ? null : Instant.ofEpochSecond(timestamp), fields.optionalString("title"),
                fields.stringMap("mezite"), line);
    }

    /** A whole number field, or -1 when it is missing or something else. */
    private static long number(JsonValues fields, String name) {
        try {
            return fields.number(name);
        } catch (MshException e) {
            return -1;
        }
    }

    /** The event on the line, or {@code null} when it is none. */
    private static Event event(String line) throws IOException {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            JsonToken time = parser.nextToken();
            if (time != JsonToken.VALUE_NUMBER_FLOAT && time != JsonToken.VALUE_NUMBER_INT) {
                return null;
            }
            double seconds = parser.getDoubleValue();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String code = parser.getText();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String data = parser.getText();
            if (parser.nextToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
                return null;
            }
            return Double.isFinite(seconds) && seconds >= 0 ? new Event(seconds, code, data, line) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
