package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.recording.RecordingHeader;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.SessionRecording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.grpc.Status;

/**
 * The agent's recorder against a real gRPC NodeService over mutual TLS on loopback: spools, uploads after the
 * session, retries, resumes, streams in node-sync, and what happens to the session when Auth goes away.
 */
class HubSessionRecorderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final AtomicReference<RecordingMode> mode = new AtomicReference<>(RecordingMode.NODE);
    private final BlockingQueue<String> failures = new LinkedBlockingQueue<>();
    private FakeHub hub;
    private HubSession session;
    private SpoolDirectory spools;
    private HubSessionRecorder recorder;

    @BeforeEach
    void join() throws Exception {
        hub = FakeHub.start();
        NodeIdentity identity = new Joiner(hub.address(), hub.pin(), Clock.systemUTC()).join(FakeHub.TOKEN,
                "node-01", Map.of(), "0.1.0");
        IdentityStore store = new IdentityStore(dataDir);
        store.save(identity);
        session = HubSession.start(hub.address(), "node-01", identity, store, Optional.of(Duration.ofSeconds(10)),
                Clock.systemUTC(), observation -> { });
        spools = new SpoolDirectory(dataDir);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (recorder != null) {
            recorder.close();
        }
        session.close();
        hub.close();
    }

    @Test
    void nodeModeSpoolsTheSessionAndUploadsItOnceItEnds() throws Exception {
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-node", RecordSessionMode.BEST_EFFORT),
                failures::add);
        show(recording, "$ echo hi\r\nhi\r\n");
        recording.resize(132, 43);
        show(recording, "$ exit\r\n");

        Path cast = spools.cast("s-node");
        assertThat(Files.getPosixFilePermissions(cast)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(cast)).contains("hi\\r\\n").contains("\"r\", \"132x43\"");
        assertThat(hub.recordings).as("nothing sent while the session runs").isEmpty();

        recording.end();

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-node");
        FakeHub.Recording stored = hub.recordings.get("s-node");
        assertThat(stored.complete).isTrue();
        List<JsonNode> lines = lines(stored.text());
        assertThat(lines.get(0).at("/mezite/session_id").asText()).isEqualTo("s-node");
        assertThat(lines.get(0).get("width").asInt()).isEqualTo(80);
        assertThat(output(lines)).isEqualTo("$ echo hi\r\nhi\r\n$ exit\r\n");
        assertThat(lines).extracting(line -> line.isArray() ? line.get(1).asText() : "header")
                .containsExactly("header", "o", "r", "o");
        awaitGone(cast);
        awaitGone(spools.marker("s-node"));
        assertThat(failures).isEmpty();
    }

    @Test
    void anUploadIsTriedAgainWhileAuthHasNoSinkThenStored() throws Exception {
        hub.unavailableEnds.set(2);
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-retry", RecordSessionMode.STRICT), failures::add);
        show(recording, "kept through the retries\r\n");
        recording.end();

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-retry");
        FakeHub.Recording stored = hub.recordings.get("s-retry");
        assertThat(output(lines(stored.text()))).isEqualTo("kept through the retries\r\n");
        // the later attempts found everything there and only ended the upload again
        long size = stored.size();
        assertThat(stored.resumedFrom).containsExactly(0L, size, size);
        assertThat(failures).as("the session is over: nothing to end").isEmpty();
        awaitGone(spools.cast("s-retry"));
    }

    @Test
    void anUploadResumesFromWhatAuthHoldsAlready() throws Exception {
        byte[] spooled = spool("s-resume", true, "first part\r\n", "second part\r\n");
        int held = 100;
        FakeHub.Recording staged = new FakeHub.Recording();
        staged.append(Arrays.copyOf(spooled, held));
        hub.recordings.put("s-resume", staged);

        recorder = newRecorder();

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-resume");
        assertThat(staged.resumedFrom).containsExactly((long) held);
        assertThat(staged.bytes()).isEqualTo(spooled);
        assertThat(staged.complete).isTrue();
    }

    @Test
    void aSpoolLeftByAKilledAgentIsUploadedIncompleteUpToItsLastWholeLine() throws Exception {
        byte[] whole = spool("s-killed", false, "typed before the kill\r\n");
        Files.write(spools.cast("s-killed"), "[1.5, \"o\", \"half a li".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        recorder = newRecorder();

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-killed");
        FakeHub.Recording stored = hub.recordings.get("s-killed");
        assertThat(stored.complete).isFalse();
        assertThat(stored.bytes()).isEqualTo(whole);
        assertThat(output(lines(stored.text()))).isEqualTo("typed before the kill\r\n");
        awaitGone(spools.cast("s-killed"));
    }

    @Test
    void aDisputedUploadIsStartedOverOnceThenKeptForTheNextStart() throws Exception {
        hub.disputedEnds.set(2);
        recorder = newRecorder();
        SessionRecording disputed = recorder.start(header("s-disputed", RecordSessionMode.BEST_EFFORT),
                failures::add);
        show(disputed, "disputed\r\n");
        disputed.end();
        SessionRecording next = recorder.start(header("s-next", RecordSessionMode.BEST_EFFORT), failures::add);
        show(next, "next\r\n");
        next.end();

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the next one still goes")
                .isEqualTo("s-next");
        FakeHub.Recording held = hub.recordings.get("s-disputed");
        assertThat(held.resumedFrom).containsExactly(0L, held.size());
        assertThat(held.complete).isNull();
        assertThat(spools.cast("s-disputed")).exists();
        assertThat(spools.marker("s-disputed")).exists();
        assertThat(spools.rejected()).doesNotExist();
    }

    @Test
    void aRecordingAuthRefusesIsMovedAside() throws Exception {
        hub.uploadRefusal = Status.PERMISSION_DENIED.withDescription("session s-refused belongs to another node");
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-refused", RecordSessionMode.BEST_EFFORT),
                failures::add);
        show(recording, "secret\r\n");
        recording.end();

        Path rejected = spools.rejected().resolve("s-refused.cast");
        await(() -> Files.exists(rejected), "moved to " + rejected);
        assertThat(Files.readString(rejected)).contains("secret");
        assertThat(spools.cast("s-refused")).doesNotExist();
    }

    @Test
    void offRecordsNothing() throws Exception {
        mode.set(RecordingMode.OFF);
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-off", RecordSessionMode.STRICT), failures::add);
        show(recording, "not recorded\r\n");
        recording.end();

        assertThat(spools.cast("s-off")).doesNotExist();
        assertThat(failures).isEmpty();
    }

    @Test
    void nodeSyncStreamsWhileTheSessionRuns() throws Exception {
        mode.set(RecordingMode.NODE_SYNC);
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-sync", RecordSessionMode.STRICT), failures::add);
        show(recording, "streamed at once\r\n");

        await(() -> hub.recordings.containsKey("s-sync")
                && hub.recordings.get("s-sync").text().contains("streamed at once"), "streamed before the end");
        show(recording, "and the rest\r\n");
        recording.end();

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-sync");
        FakeHub.Recording stored = hub.recordings.get("s-sync");
        assertThat(stored.complete).isTrue();
        assertThat(stored.resumedFrom).containsExactly(0L);
        assertThat(output(lines(stored.text()))).isEqualTo("streamed at once\r\nand the rest\r\n");
        awaitGone(spools.cast("s-sync"));
        assertThat(failures).isEmpty();
    }

    @Test
    void nodeSyncStrictEndsTheSessionWhenAuthGoesAwayAndUploadsTheRecordingLater() throws Exception {
        mode.set(RecordingMode.NODE_SYNC);
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-strict", RecordSessionMode.STRICT), failures::add);
        show(recording, "before\r\n");
        await(() -> hub.recordings.containsKey("s-strict")
                && hub.recordings.get("s-strict").text().contains("before"), "streamed");

        hub.stop();

        String failure = failures.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(failure).startsWith("the recording cannot reach Auth: ");
        show(recording, "\r\nmezd: recording failed\r\n"); // what the node shows as it ends the session
        recording.end();
        assertThat(spools.cast("s-strict")).exists();

        hub.listen(hub.port());

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-strict");
        FakeHub.Recording stored = hub.recordings.get("s-strict");
        assertThat(stored.complete).isTrue();
        assertThat(output(lines(stored.text()))).isEqualTo("before\r\n\r\nmezd: recording failed\r\n");
        assertThat(failures).as("told once").isEmpty();
    }

    @Test
    void nodeSyncBestEffortKeepsTheSessionAndUploadsLaterFromWhereAuthStopped() throws Exception {
        mode.set(RecordingMode.NODE_SYNC);
        recorder = newRecorder();
        SessionRecording recording = recorder.start(header("s-best", RecordSessionMode.BEST_EFFORT),
                failures::add);
        show(recording, "before\r\n");
        await(() -> hub.recordings.containsKey("s-best")
                && hub.recordings.get("s-best").text().contains("before"), "streamed");
        long streamed = hub.recordings.get("s-best").size();

        hub.stop();
        show(recording, "while Auth is away\r\n");
        recording.resize(100, 30);
        recording.end();
        assertThat(Files.readString(spools.cast("s-best"))).contains("while Auth is away");

        hub.listen(hub.port());

        assertThat(hub.stored.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("s-best");
        FakeHub.Recording stored = hub.recordings.get("s-best");
        assertThat(stored.complete).isTrue();
        assertThat(stored.resumedFrom).containsExactly(0L, streamed);
        assertThat(output(lines(stored.text()))).isEqualTo("before\r\nwhile Auth is away\r\n");
        assertThat(failures).as("best_effort never ends the session").isEmpty();
        awaitGone(spools.cast("s-best"));
    }

    private HubSessionRecorder newRecorder() {
        return new HubSessionRecorder(spools, mode::get, session::uploadRecording,
                () -> session.identity().nodeId());
    }

    private static RecordingHeader header(String sessionId, RecordSessionMode onFailure) {
        return new RecordingHeader(sessionId, "alice", "root", "node-id-1", "node-01", List.of("access"), 80, 24,
                "xterm-256color", Instant.now(), onFailure);
    }

    private static void show(SessionRecording recording, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        recording.output(bytes, 0, bytes.length);
    }

    /** A spool as an agent that stopped left it; returns its bytes. */
    private byte[] spool(String sessionId, boolean ended, String... shown) throws Exception {
        SpooledRecording recording = new SpooledRecording(sessionId, spools, spools.create(sessionId),
                AsciicastEncoder.header(header(sessionId, RecordSessionMode.BEST_EFFORT)),
                new SpooledRecording.Listener() {
                    @Override
                    public void written(long size) {
                    }

                    @Override
                    public void ended(long size, boolean complete) {
                    }
                }, failures::add);
        for (String text : shown) {
            show(recording, text);
        }
        if (ended) {
            recording.end();
        }
        return Files.readAllBytes(spools.cast(sessionId));
    }

    private static List<JsonNode> lines(String cast) throws Exception {
        assertThat(cast).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : cast.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines.get(0).get("version").asInt()).isEqualTo(2);
        return lines;
    }

    private static String output(List<JsonNode> lines) {
        StringBuilder text = new StringBuilder();
        lines.stream().filter(line -> line.isArray() && line.get(1).asText().equals("o"))
                .forEach(line -> text.append(line.get(2).asText()));
        return text.toString();
    }

    private static void awaitGone(Path file) throws InterruptedException {
        await(() -> !Files.exists(file), file + " removed");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }
}
