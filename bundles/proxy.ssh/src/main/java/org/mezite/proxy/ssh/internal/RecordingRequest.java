package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.mezite.api.audit.AuditDetails;

/**
 * What {@code recordings ...} asks the proxy: {@code recordings ls [--format json|text] [--limit N]} or
 * {@code recordings get SESSION_ID}.
 */
sealed interface RecordingRequest {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 1000;
    String USAGE = "usage: recordings ls [--format json|text] [--limit N] | recordings get SESSION_ID";

    /** Session ids are UUIDs; anything of these characters is looked up, nothing else reaches the store. */
    Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** {@code recordings ls}: the newest {@code limit} recordings, as JSON or a table. */
    record ListRecordings(boolean json, int limit) implements RecordingRequest {
    }

    /** {@code recordings get SESSION_ID}: the stored recording's bytes (gzip-compressed asciicast). */
    record GetRecording(String sessionId) implements RecordingRequest {
    }

    /**
     * @param words what follows {@code recordings}
     * @throws IllegalArgumentException saying what is wrong, for the user
     */
    static RecordingRequest parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "ls" -> list(rest);
            case "get" -> get(rest);
            default -> throw new IllegalArgumentException("recordings: unknown command " + quote(words.get(0)) + "; "
                    + USAGE);
        };
    }

    private static ListRecordings list(List<String> words) {
        boolean json = false;
        int limit = DEFAULT_LIMIT;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (!name.equals("--format") && !name.equals("--limit")) {
                throw new IllegalArgumentException("recordings ls: unknown argument " + quote(word) + "; " + USAGE);
            }
            String value;
            if (word.contains("=")) {
                value = word.substring(word.indexOf('=') + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new IllegalArgumentException("recordings ls: " + name + " needs a value");
            }
            if (name.equals("--format")) {
                if (!value.equals("json") && !value.equals("text")) {
                    throw new IllegalArgumentException("recordings ls: --format " + quote(value)
                            + ": expected json or text");
                }
                json = value.equals("json");
            } else {
                limit = limit(value);
            }
        }
        return new ListRecordings(json, limit);
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("recordings ls: --limit " + quote(value) + ": expected a number from 1 to "
                + MAX_LIMIT);
    }

    private static GetRecording get(List<String> words) {
        if (words.size() != 1) {
            throw new IllegalArgumentException("recordings get: expected one SESSION_ID; " + USAGE);
        }
        String id = words.get(0);
        if (!SESSION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("recordings get: " + quote(id) + " is not a session id");
        }
        return new GetRecording(id);
    }

    /** What the user typed, shown safely (no control characters reach their terminal) and not at any length. */
    private static String quote(String value) {
        return AuditDetails.quote(value.length() <= 64 ? value : value.substring(0, 64) + "...");
    }
}
