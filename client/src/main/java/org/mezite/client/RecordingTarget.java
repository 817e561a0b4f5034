package org.mezite.client;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What {@code msh play} was given: a file that exists (an exported recording, played offline), or the id of a
 * recorded session, fetched from the hub.
 *
 * @param file      the file, or {@code null}
 * @param sessionId the session, or {@code null}
 */
record RecordingTarget(Path file, String sessionId) {

    /** The characters of a session id (a UUID); nothing else is sent to the proxy. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** @throws MshException when it is neither */
    static RecordingTarget of(String argument) {
        Path path = null;
        try {
            path = Path.of(argument);
        } catch (InvalidPathException e) {
            // not a file name here, perhaps an id
        }
        if (path != null && Files.isRegularFile(path)) {
            return new RecordingTarget(path, null);
        }
        if (path != null && Files.exists(path)) {
            throw MshException.usage(argument + " is not a recording file");
        }
        boolean looksLikeAFile = argument.contains("/") || argument.endsWith(".cast") || argument.endsWith(".gz");
        if (looksLikeAFile || !SESSION_ID.matcher(argument).matches()) {
            throw MshException.failed("no such file or session id: " + argument);
        }
        return new RecordingTarget(null, argument);
    }

    /** @throws MshException (usage) when it cannot be a session id */
    static String sessionId(String argument) {
        if (!SESSION_ID.matcher(argument).matches()) {
            throw MshException.usage("\"" + argument + "\" is not a session id");
        }
        return argument;
    }

    /** The proxy command that streams the session's stored recording. */
    static String getCommand(String sessionId) {
        return "recordings get " + sessionId;
    }
}
