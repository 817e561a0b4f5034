package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hub's recordings as a user sees them with {@code msh recordings ls --format json}, and waiting for one to
 * arrive: agents upload after the session (or after a restart, or when Auth is back), so tests poll.
 */
final class RecordingList {

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");

    private RecordingList() {
    }

    /** One entry of the list. */
    record Entry(String sessionId, String user, String login, String node, boolean complete) {
    }

    /** The user's view of the newest recordings (up to 1000), newest first. */
    static List<Entry> list(Msh user) throws Exception {
        Msh.Run ls = user.run("recordings", "ls", "--format", "json", "--limit", "1000");
        assertThat(ls.exitCode()).as("msh recordings ls: " + ls.err()).isZero();
        return parse(ls.out());
    }

    static Set<String> ids(Msh user) throws Exception {
        return list(user).stream().map(Entry::sessionId).collect(Collectors.toSet());
    }

    static List<Entry> parse(String json) {
        List<Entry> entries = new ArrayList<>();
        Matcher objects = OBJECT.matcher(json);
        while (objects.find()) {
            String object = objects.group();
            entries.add(new Entry(field(object, "session_id"), field(object, "user"), field(object, "login"),
                    field(object, "node"), "true".equals(field(object, "complete"))));
        }
        return entries;
    }

    /**
     * Waits (three minutes at most: an agent's upload retries back off to 30 s) for a listed recording that is not
     * one of {@code before} and matches {@code wanted}.
     */
    static Entry awaitNew(Msh user, Set<String> before, Predicate<Entry> wanted, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        List<Entry> last = List.of();
        while (System.nanoTime() < deadline) {
            last = list(user);
            Optional<Entry> found = last.stream().filter(e -> !before.contains(e.sessionId())).filter(wanted)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no new recording " + what + " within 3 minutes; the list shows " + last);
    }

    /** The recording's output as text ({@code msh play ID --format text}). */
    static String text(Msh user, String sessionId) throws Exception {
        Msh.Run play = user.run("play", sessionId, "--format", "text");
        assertThat(play.exitCode()).as("msh play " + sessionId + " --format text: " + play.err()).isZero();
        return play.out();
    }

    /**
     * Waits (two minutes at most) until the hub stages a recording whose bytes contain {@code marker}: what an agent
     * has sent to Auth and the hub has not stored in a sink yet ({@code DATA_DIR/recordings/staging/ID.cast}).
     *
     * @return the session id
     */
    static String awaitStaged(Mezhub hub, String marker) throws Exception {
        Path staging = hub.dataDir().resolve("recordings/staging");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(staging)) {
                try (Stream<Path> files = Files.list(staging)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".cast")).toList()) {
                        if (contains(file, marker)) {
                            String name = file.getFileName().toString();
                            return name.substring(0, name.length() - ".cast".length());
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the hub never staged a recording showing " + marker + " in " + staging);
    }

    private static boolean contains(Path file, String marker) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(marker);
        } catch (java.io.IOException e) {
            return false; // finished and moved away meanwhile
        }
    }

    /** A string, number or boolean field of a flat JSON object, as text; null when absent or null. */
    private static String field(String object, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name)
                + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(true|false|-?[0-9.]+))").matcher(object);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
