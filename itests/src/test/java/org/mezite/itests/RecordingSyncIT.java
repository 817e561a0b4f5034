package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings in {@code node-sync} mode: the session's recording streams to Auth while it runs (the hub has it staged
 * before the session ends). When Auth goes away mid-session, a user whose role says {@code record_session: strict}
 * loses the session with a message, and a {@code best_effort} user keeps working; that recording arrives once Auth
 * is back.
 *
 * <p>Only Auth goes away: the agent reaches Auth through a {@link TcpForwarder} the test cuts, while its tunnel goes to
 * the proxy directly, so the sessions themselves are untouched. (A hub runs Auth and the proxy in one process: the
 * proxy's SSH server needs Auth's services there, so stopping Auth alone is not possible with a real hub.)
 */
class RecordingSyncIT {

    private static final String LOGIN = "mezite-sync";
    private static final String NODE = "sync-node";
    private static final Pattern PROMPT = Pattern.compile("[$#] ?$", Pattern.MULTILINE);
    private static final String STRICT_ROLE = """
            kind: role
            version: v1
            metadata: {name: strict-recording, description: "no session without its recording"}
            spec:
              options: {record_session: strict}
              allow:
                logins: ['{{internal.logins}}']
                node_labels: {'*': '*'}
            """;

    @TempDir
    static Path dir;

    static Mezhub hub;
    static TcpForwarder auth;
    static Agents agents;
    static Msh sam;
    static Msh bea;

    @BeforeAll
    static void aHubInNodeSyncModeAnAgentBehindACuttableAuthAndTwoUsers() throws Exception {
        Commands.ensureUnixUser(LOGIN);
        hub = Mezhub.install(dir.resolve("hub"));
        hub.configureFile("org.mezite.recording.cfg", Map.of("recording_mode", "node-sync"));
        hub.startAndAwaitHealthy();
        Path role = dir.resolve("strict-recording.yaml");
        Files.writeString(role, STRICT_ROLE);
        Mezhub.ClientResult created = hub.client("mezite:role-create -f " + role);
        assertThat(created.exitCode()).as(created.output()).isZero();

        sam = new Msh(dir, dir.resolve("sam-msh"));
        sam.signUpAndLogIn(hub, "sam", "--roles strict-recording,auditor --logins " + LOGIN);
        bea = new Msh(dir, dir.resolve("bea-msh"));
        bea.signUpAndLogIn(hub, "bea", "--roles access,auditor --logins " + LOGIN);

        auth = new TcpForwarder(hub.authPort);
        auth.open();
        agents = new Agents(hub, dir);
        agents.startVia(NODE, "env=dev", auth.address());
        agents.awaitOnline(bea, NODE, true);
        agents.awaitOnline(sam, NODE, true);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (agents != null) {
            agents.close();
        }
        if (auth != null) {
            auth.close();
        }
        if (hub != null) {
            hub.close();
        }
        Commands.removeUnixUser(LOGIN);
    }

    @Test
    void whenAuthGoesAwayStrictEndsTheSessionAndBestEffortKeepsItAndUploadsLater() throws Exception {
        Set<String> before = RecordingList.ids(bea);
        String strictSuffix = RecordingIT.suffix();
        String relaxedSuffix = RecordingIT.suffix();
        String afterSuffix = RecordingIT.suffix();
        try (Tmux strict = new Tmux(dir, "sync-strict", 100, 30);
                Tmux relaxed = new Tmux(dir, "sync-relaxed", 100, 30)) {
            strict.start(sam, "ssh " + LOGIN + "@" + NODE);
            relaxed.start(bea, "ssh " + LOGIN + "@" + NODE);
            strict.awaitScreen(PROMPT);
            relaxed.awaitScreen(PROMPT);
            strict.type("echo rec-$((40+2))-" + strictSuffix);
            relaxed.type("echo rec-$((40+2))-" + relaxedSuffix);
            strict.awaitScreen(RecordingIT.line("rec-42-" + strictSuffix));
            relaxed.awaitScreen(RecordingIT.line("rec-42-" + relaxedSuffix));

            // node-sync: both recordings reach the hub while the sessions run
            String relaxedId = RecordingList.awaitStaged(hub, "rec-42-" + relaxedSuffix);
            RecordingList.awaitStaged(hub, "rec-42-" + strictSuffix);

            auth.cut();

            String ended = strict.awaitScreen(Pattern.compile("^MSH-EXIT=[0-9]+$", Pattern.MULTILINE));
            assertThat(ended).as("the strict session ends, saying why").contains("recording failed");

            relaxed.type("echo after-$((6*7))-" + afterSuffix);
            relaxed.awaitScreen(RecordingIT.line("after-42-" + afterSuffix));
            assertThat(relaxed.screen()).doesNotContain("recording failed").doesNotContain("MSH-EXIT=");
            relaxed.type("exit");
            relaxed.awaitScreen(RecordingIT.line("MSH-EXIT=0"));

            assertThat(RecordingList.ids(bea)).as("Auth is unreachable for the agent: nothing stored yet")
                    .doesNotContain(relaxedId);
        }

        auth.open();
        RecordingList.Entry recording = RecordingList.awaitNew(bea, before, e -> "bea".equals(e.user()),
                "of the best_effort session once Auth is back");
        assertThat(recording.complete()).isTrue();
        assertThat(RecordingList.text(bea, recording.sessionId())).contains("rec-42-" + relaxedSuffix)
                .contains("after-42-" + afterSuffix);
    }
}
