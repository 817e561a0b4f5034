package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session recordings in {@code node} mode, end to end: an interactive msh session through a real hub (SQLite) and a
 * real mezd is recorded at the node's PTY, uploaded after the session, listed by {@code msh recordings ls}, played
 * by {@code msh play} and, exported, by the stock {@code asciinema} player in a terminal. Nothing is lost when the
 * agent is killed mid-session (the recording arrives marked incomplete after its restart), when the hub is down at
 * the end of the session, or when the sink feature is uninstalled while a session runs.
 *
 * <p>The typed command is {@code echo rec-$((40+2))-SUFFIX}: its output {@code rec-42-SUFFIX} is not what was typed,
 * so finding it proves the command's output was recorded, not just its echo.
 */
@TestMethodOrder(OrderAnnotation.class)
class RecordingIT {

    private static final String LOGIN = "mezite-rec";
    private static final String NODE = "rec-node";
    private static final Pattern PROMPT = Pattern.compile("[$#] ?$", Pattern.MULTILINE);
    private static final Random RANDOM = new Random();

    @TempDir
    static Path dir;

    static Mezhub hub;
    static Agents agents;
    static Msh alice;
    /** The running mezd of the node (another process after a restart). */
    static MezdProcess agent;

    @BeforeAll
    static void aHubInNodeModeAnAgentAndAUser() throws Exception {
        Commands.ensureUnixUser(LOGIN);
        hub = Mezhub.install(dir.resolve("hub"));
        hub.configureFile("org.mezite.recording.cfg", Map.of("recording_mode", "node"));
        hub.startAndAwaitHealthy();
        alice = new Msh(dir, dir.resolve("alice-msh"));
        // auditor: the session resource's list and read, which recordings ls and play need
        alice.signUpAndLogIn(hub, "alice", "--roles access,auditor --logins " + LOGIN);
        agents = new Agents(hub, dir);
        agent = agents.start(NODE, "env=dev");
        agents.awaitOnline(alice, NODE, true);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (hub != null) {
            hub.close();
        }
        Commands.removeUnixUser(LOGIN);
    }

    @Test
    @Order(1)
    void anInteractiveSessionPlaysBackInAsciinemaAndInMshPlay() throws Exception {
        Set<String> before = RecordingList.ids(alice);
        String suffix = suffix();
        String marker = "rec-42-" + suffix;
        try (Tmux tmux = new Tmux(dir, "rec-session", 100, 30)) {
            tmux.start(alice, "ssh " + LOGIN + "@" + NODE);
            tmux.awaitScreen(PROMPT);
            tmux.type("echo rec-$((40+2))-" + suffix);
            tmux.awaitScreen(line(marker));
            tmux.type("exit");
            tmux.awaitScreen(line("MSH-EXIT=0"));
        }

        RecordingList.Entry recording = RecordingList.awaitNew(alice, before, RecordingList.Entry::complete,
                "of the session, complete");
        assertThat(recording.user()).isEqualTo("alice");
        assertThat(recording.login()).isEqualTo(LOGIN);
        assertThat(recording.node()).isEqualTo(NODE);
        String id = recording.sessionId();
        Msh.Run table = alice.run("recordings", "ls");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().filter(l -> l.startsWith(id))).as(table.out()).singleElement().asString()
                .contains("alice").contains(LOGIN).contains(NODE).contains("yes");

        assertThat(RecordingList.text(alice, id)).contains(marker);
        Msh.Run json = alice.run("play", id, "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().lines().findFirst().orElse("")).containsPattern("\"version\"\\s*:\\s*2").contains(id)
                .contains("alice");
        assertThat(json.out()).contains(marker);

        Path cast = dir.resolve("session.cast");
        Msh.Run export = alice.run("recordings", "export", id, cast.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        String exported = Files.readString(cast, StandardCharsets.UTF_8);
        assertThat(exported.lines().findFirst().orElse("")).as("an asciicast v2 header")
                .startsWith("{").containsPattern("\"version\"\\s*:\\s*2").contains(id);
        assertThat(exported).contains(marker);

        Path gz = dir.resolve("session.cast.gz");
        Msh.Run exportGz = alice.run("recordings", "export", id, gz.toString());
        assertThat(exportGz.exitCode()).as(exportGz.err()).isZero();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(exported);
        }

        Msh.Run offline = alice.run("play", cast.toString(), "--format", "text");
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.out()).contains(marker);

        try (Tmux player = new Tmux(dir, "rec-asciinema", 100, 30)) {
            player.run("asciinema play -s 8 '" + cast + "'");
            String screen = player.awaitScreen(line("EXIT=0"));
            assertThat(screen).as("the stock player shows the command's output").containsPattern(line(marker));
        }

        try (Tmux player = new Tmux(dir, "rec-msh-play", 100, 30)) {
            player.start(alice, "play " + id + " --speed 8");
            String screen = player.awaitScreen(line("MSH-EXIT=0"));
            assertThat(screen).containsPattern(line(marker));
        }
    }

    @Test
    @Order(2)
    void aKilledAgentUploadsTheRecordingMarkedIncompleteWhenItStartsAgain() throws Exception {
        Set<String> before = RecordingList.ids(alice);
        String suffix = suffix();
        String marker = "rec-42-" + suffix;
        try (Tmux tmux = new Tmux(dir, "rec-kill", 100, 30)) {
            tmux.start(alice, "ssh " + LOGIN + "@" + NODE);
            tmux.awaitScreen(PROMPT);
            tmux.type("echo rec-$((40+2))-" + suffix);
            tmux.awaitScreen(line(marker));

            agent.kill(); // kill -9: no chance to finish the recording
        }
        agent = agents.restart(NODE);

        RecordingList.Entry recording = RecordingList.awaitNew(alice, before, e -> NODE.equals(e.node()),
                "from the killed agent");
        assertThat(recording.complete()).as("the session was cut off by the kill").isFalse();
        assertThat(RecordingList.text(alice, recording.sessionId())).contains(marker);
        agents.awaitOnline(alice, NODE, true);
    }

    @Test
    @Order(3)
    void aSessionEndingWhileTheHubIsDownIsUploadedWhenTheHubIsBack() throws Exception {
        agents.awaitOnline(alice, NODE, true);
        Set<String> before = RecordingList.ids(alice);
        String suffix = suffix();
        String marker = "rec-42-" + suffix;
        try (Tmux tmux = new Tmux(dir, "rec-hub-down", 100, 30)) {
            tmux.start(alice, "ssh " + LOGIN + "@" + NODE);
            tmux.awaitScreen(PROMPT);
            tmux.type("echo rec-$((40+2))-" + suffix);
            tmux.awaitScreen(line(marker));

            assertThat(hub.stop()).isZero();
            // the proxy and the tunnel went with the hub, and so did the session
            tmux.awaitScreen(Pattern.compile("^MSH-EXIT=[0-9]+$", Pattern.MULTILINE));
        }
        hub.startAndAwaitHealthy();

        RecordingList.Entry recording = RecordingList.awaitNew(alice, before, e -> NODE.equals(e.node()),
                "after the hub came back");
        assertThat(RecordingList.text(alice, recording.sessionId())).contains(marker);
        agents.awaitOnline(alice, NODE, true);
    }

    @Test
    @Order(4)
    void uninstallingAndReinstallingTheSinkDuringASessionLosesNothing() throws Exception {
        agents.awaitOnline(alice, NODE, true);
        String suffix = suffix();
        String marker = "rec-42-" + suffix;
        try (Tmux tmux = new Tmux(dir, "rec-sink", 100, 30)) {
            tmux.start(alice, "ssh " + LOGIN + "@" + NODE);
            tmux.awaitScreen(PROMPT);
            tmux.type("echo rec-$((40+2))-" + suffix);
            tmux.awaitScreen(line(marker));

            console("feature:uninstall mezite-recording-sink-file");

            tmux.type("exit");
            tmux.awaitScreen(line("MSH-EXIT=0"));
        }

        // the agent uploads; with no sink the hub keeps what it received staged and the agent tries again later
        String id = RecordingList.awaitStaged(hub, marker);
        assertThat(RecordingList.ids(alice)).as("not stored while no sink is installed").doesNotContain(id);

        console("feature:install mezite-recording-sink-file");
        RecordingList.Entry recording = RecordingList.awaitNew(alice, Set.of(), e -> id.equals(e.sessionId()),
                id + " once the sink is back");
        assertThat(recording.complete()).isTrue();
        assertThat(RecordingList.text(alice, id)).contains(marker);
    }

    // ---------------------------------------------------------------------------------------------------------------

    static String suffix() {
        return HexFormat.of().toHexDigits(RANDOM.nextInt());
    }

    static Pattern line(String text) {
        return Pattern.compile("^" + Pattern.quote(text) + "$", Pattern.MULTILINE);
    }

    private static String console(String command) throws Exception {
        Mezhub.ClientResult result = hub.client(command);
        assertThat(result.exitCode()).as(command + ":\n" + result.output()).isZero();
        assertThat(result.output()).as(command).doesNotContain("Error executing command");
        return result.output();
    }
}
