package org.mezite.node.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.audit.AuditDetails;

/**
 * Reads the value of a certificate's {@code mezite-traits@mezite.org} extension: a JSON object whose values are
 * arrays of strings, e.g. {@code {"logins":["alice"],"team":["dev"]}}. Strict, because what it reads decides access:
 * anything else (another value type, a repeated name, trailing text, an unpaired surrogate) is refused with where and
 * why. The agent runs without a JSON library, and this one shape needs none.
 */
final class TraitsJson {

    private final String text;
    private int pos;

    private TraitsJson(String text) {
        this.text = text;
    }

    /**
     * @return the traits in the order they were written
     * @throws IllegalArgumentException naming the offset and what was expected there
     */
    static Map<String, List<String>> parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no value");
        }
        return new TraitsJson(text).document();
    }

    private Map<String, List<String>> document() {
        Map<String, List<String>> traits = new LinkedHashMap<>();
        skipSpace();
        expect('{', "'{' (a JSON object of string lists)");
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                int at = pos;
                String name = string("a trait name (a string)");
                if (traits.containsKey(name)) {
                    throw error(at, "trait " + quote(name) + " appears twice");
                }
                skipSpace();
                expect(':', "':'");
                skipSpace();
                traits.put(name, values(name));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect('}', "',' or '}'");
                break;
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw error(pos, "unexpected text after the object");
        }
        return traits;
    }

    private List<String> values(String name) {
        expect('[', "'[' (the values of trait " + quote(name) + " as a list of strings)");
        List<String> values = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return values;
        }
        while (true) {
            skipSpace();
            values.add(string("a string (a value of trait " + quote(name) + ")"));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']', "',' or ']'");
            return values;
        }
    }

    private String string(String what) {
        if (peek() != '"') {
            throw error(pos, "expected " + what);
        }
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error(pos - 1, "control character U+" + hex4(c) + " in a string (must be escaped)");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error(start, "unterminated string");
            }
            char escape = text.charAt(pos++);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error(pos - 2, "invalid escape \\" + escape);
            }
        }
        String value = out.toString();
        checkSurrogates(value, start);
        return value;
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error(pos - 2, "\\u needs four hexadecimal digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error(pos - 2, "\\u needs four hexadecimal digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private void checkSurrogates(String value, int start) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error(start, "unpaired surrogate U+" + hex4(c) + " in a string");
            }
        }
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error(pos, "expected " + what);
        }
        pos++;
    }

    /** The next character, or 0 at the end. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(int at, String message) {
        String where = at >= text.length() ? "at the end" : "at offset " + at;
        return new IllegalArgumentException(where + ": " + message);
    }

    private static String hex4(char c) {
        return String.format("%04X", (int) c);
    }

    private static String quote(String name) {
        return AuditDetails.quote(name);
    }
}
