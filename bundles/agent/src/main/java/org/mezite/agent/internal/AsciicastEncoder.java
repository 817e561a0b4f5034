package org.mezite.agent.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.mezite.api.recording.RecordingHeader;

/**
 * One session's recording as asciicast v2 lines (https://docs.asciinema.org/manual/asciicast/v2/): the header, then
 * {@code [seconds, "o", text]} for output and {@code [seconds, "r", "COLSxROWS"]} for resizes, each a line of UTF-8
 * ending in a newline. The terminal's bytes are decoded as UTF-8 carried across chunks: a character cut at the end of
 * one chunk waits for the rest in the next, and bytes that are not UTF-8 become U+FFFD. Not thread-safe.
 */
final class AsciicastEncoder {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The start of a character the last chunk ended in, at most three bytes. */
    private byte[] pending = new byte[0];

    /** The header line: size, time and {@code TERM} as asciinema has them, the rest under {@code mezite}. */
    static byte[] header(RecordingHeader header) {
        StringBuilder json = new StringBuilder(256).append("{\"version\":2,\"width\":").append(header.columns())
                .append(",\"height\":").append(header.rows()).append(",\"timestamp\":")
                .append(header.startedAt().getEpochSecond());
        if (header.term() != null) {
            json.append(",\"env\":{\"TERM\":");
            quote(json, header.term());
            json.append('}');
        }
        json.append(",\"title\":");
        quote(json, header.username() + " as " + header.login() + " on "
                + (header.nodeName() != null ? header.nodeName() : header.nodeId()));
        json.append(",\"mezite\":{\"session_id\":");
        quote(json, header.sessionId());
        json.append(",\"user\":");
        quote(json, header.username());
        json.append(",\"login\":");
        quote(json, header.login());
        json.append(",\"node\":");
        quote(json, header.nodeName());
        json.append(",\"node_id\":");
        quote(json, header.nodeId());
        json.append(",\"roles\":");
        array(json, header.roles());
        json.append("}}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An output event for the chunk, {@code null} when it holds no whole character yet.
     *
     * @param elapsedNanos time since the recording started
     */
    byte[] output(byte[] data, int offset, int length, long elapsedNanos) {
        ByteBuffer in;
        if (pending.length == 0) {
            in = ByteBuffer.wrap(data, offset, length);
        } else {
            in = ByteBuffer.allocate(pending.length + length).put(pending).put(data, offset, length).flip();
        }
        // UTF-8 never decodes to more chars than it has bytes, replacements included
        CharBuffer out = CharBuffer.allocate(in.remaining());
        decoder.decode(in, out, false);
        pending = new byte[in.remaining()];
        in.get(pending);
        return out.position() == 0 ? null : event(elapsedNanos, "o", out.flip());
    }

    /** A resize event. */
    static byte[] resize(int columns, int rows, long elapsedNanos) {
        return event(elapsedNanos, "r", columns + "x" + rows);
    }

    /** What is left when the recording ends: an output event of U+FFFD for a cut character, else {@code null}. */
    byte[] finish(long elapsedNanos) {
        ByteBuffer in = ByteBuffer.wrap(pending);
        pending = new byte[0];
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, true);
        decoder.flush(out);
        decoder.reset();
        return out.position() == 0 ? null : event(elapsedNanos, "o", out.flip());
    }

    private static byte[] event(long elapsedNanos, String code, CharSequence text) {
        StringBuilder json = new StringBuilder(text.length() + 32).append('[');
        long micros = Math.max(0, elapsedNanos) / 1000;
        String fraction = Long.toString(micros % 1_000_000);
        json.append(micros / 1_000_000).append('.');
        json.append("000000", 0, 6 - fraction.length()).append(fraction);
        json.append(", \"").append(code).append("\", ");
        quote(json, text);
        json.append("]\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, values.get(i));
        }
        json.append(']');
    }

    /** A JSON string: quotes, backslashes and every control character escaped, {@code null} as null. */
    static void quote(StringBuilder json, CharSequence text) {
        if (text == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        json.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xf, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
