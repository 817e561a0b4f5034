package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * msh recordings and msh play against the in-process stand-in for the proxy's SSH port, which answers
 * {@code recordings ls} and streams {@code recordings get} as the proxy does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingsEndToEndTest {

    private static final String CUT = "5d0e7c1a-0000-4000-8000-00000000000c";
    private static final String SECRET = "5d0e7c1a-0000-4000-8000-00000000005e";
    private static final String BROKEN = "5d0e7c1a-0000-4000-8000-0000000000bb";
    private static final byte[] STORED = Recordings.gzip(Recordings.sample());

    private Path tmp;
    private TestCluster cluster;
    private TestProxyServer proxy;
    private Path home;

    @BeforeAll
    void startCluster(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = new TestCluster(dir);
        proxy = cluster.proxy;
        proxy.recordings.add(TestProxyServer.StoredRecording.of(Recordings.SESSION_ID, entry(Recordings.SESSION_ID,
                "\"alice\"", "\"root\"", "2026-03-01T09:00:00Z", 11_062, true), STORED));
        proxy.recordings.add(TestProxyServer.StoredRecording.of(CUT, entry(CUT, "null", "null",
                "2026-02-28T23:59:58.500Z", 3_725_400, false), STORED));
        proxy.recordings.add(new TestProxyServer.StoredRecording(SECRET, entry(SECRET, "\"bob\"", "\"root\"",
                "2026-02-27T08:00:00Z", 1000, true), STORED, -1, null, -1, "no role of alice allows session:read"));
        proxy.recordings.add(new TestProxyServer.StoredRecording(BROKEN, entry(BROKEN, "\"bob\"", "\"root\"",
                "2026-02-26T08:00:00Z", 1000, true), STORED, -1, null, STORED.length / 2, null));
    }

    @AfterAll
    void stopCluster() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void login() throws Exception {
        home = cluster.login(tmp);
        proxy.commands.clear();
    }

    @Test
    void lsPrintsTheRecordingsNewestFirstAsATable() {
        MshRun.Result result = msh("recordings", "ls");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(""
                + "ID                                    USER   LOGIN  NODE     STARTED                  DURATION"
                + "  COMPLETE\n"
                + Recordings.SESSION_ID + "  alice  root   node-01  2026-03-01 09:00:00 UTC  11s       yes\n"
                + CUT + "  -      -      node-01  2026-02-28 23:59:58 UTC  1h02m05s  no\n"
                + SECRET + "  bob    root   node-01  2026-02-27 08:00:00 UTC  1s        yes\n"
                + BROKEN + "  bob    root   node-01  2026-02-26 08:00:00 UTC  1s        yes\n");
        assertThat(proxy.commands).containsExactly("recordings ls --format json --limit 50");
    }

    @Test
    void lsPrintsJsonInTheProxysFieldNamesAndPassesTheLimit() {
        MshRun.Result result = msh("recordings", "ls", "--format", "json", "--limit", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<RecordingInfo> listed = RecordingInfo.parseList(result.out().getBytes(StandardCharsets.UTF_8));
        assertThat(listed).hasSize(4);
        assertThat(listed.get(1).user()).isNull();
        assertThat(listed.get(1).complete()).isFalse();
        assertThat(listed.get(1).duration().toMillis()).isEqualTo(3_725_400);
        assertThat(result.out()).contains("\"session_id\" : \"" + CUT + "\"", "\"size_bytes\" : 4321");
        assertThat(proxy.commands).containsExactly("recordings ls --format json --limit 2");
    }

    @Test
    void playWithTextPrintsWhatTheSessionShowed() {
        MshRun.Result result = msh("play", Recordings.SESSION_ID, "--format", "text");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Recordings.SAMPLE_TEXT);
        assertThat(result.err()).isEmpty();
        assertThat(proxy.commands).containsExactly("recordings get " + Recordings.SESSION_ID);
    }

    @Test
    void playWithJsonPrintsTheAsciicastLines() {
        MshRun.Result result = msh("play", Recordings.SESSION_ID, "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(new String(Recordings.sample(), StandardCharsets.UTF_8));
    }

    @Test
    void playStartsBeforeTheRecordingHasArrived() {
        String id = "5d0e7c1a-0000-4000-8000-0000000000a1";
        CountDownLatch rest = new CountDownLatch(1);
        byte[] plain = Recordings.sample();
        // sent plain, so that the first part decodes on its own: its first events, up to "hello"
        int firstPart = new String(plain, StandardCharsets.UTF_8).indexOf("[9.5,");
        proxy.recordings.add(new TestProxyServer.StoredRecording(id, entry(id, "\"alice\"", "\"root\"",
                "2026-03-02T09:00:00Z", 11_062, true), plain, firstPart, rest, -1, null));
        StringBuilder shown = new StringBuilder();
        OutputStream watcher = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] data, int offset, int length) {
                shown.append(new String(data, offset, length, StandardCharsets.UTF_8));
                if (shown.indexOf("hello\nroot@node-01:~# ") >= 0) {
                    rest.countDown(); // msh played what had arrived: the proxy may send the rest
                }
            }
        };
        try {
            MshRun.Result result = MshRun.run(home, watcher, "play", id, "--format", "text");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo(Recordings.SAMPLE_TEXT);
        } finally {
            proxy.recordings.removeIf(recording -> recording.sessionId().equals(id));
        }
    }

    @Test
    void playOfARecordingYouMayNotReadPrintsTheProxysReason() {
        MshRun.Result result = msh("play", SECRET);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("msh: mezite proxy: access denied: no role of alice allows session:read\n");
    }

    @Test
    void playOfAnUnknownSessionSaysThereIsNone() {
        MshRun.Result result = msh("play", "5d0e7c1a-0000-4000-8000-000000000000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("msh: mezite proxy: no recording of session 5d0e7c1a-0000-4000-8000-000000000000\n");
    }

    @Test
    void aRecordingThatBreaksOffMidwayFailsWithTheProxysReason() {
        MshRun.Result result = msh("play", BROKEN, "--format", "text");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("msh: mezite proxy: cannot read the recording of session " + BROKEN
                + " after " + STORED.length / 2 + " bytes: disk error\n");
    }

    @Test
    void exportWritesThePlainRecordingOrTheStoredGzip() throws Exception {
        Path plain = tmp.resolve("export-" + System.nanoTime() + ".cast");
        Path zipped = tmp.resolve("export-" + System.nanoTime() + ".cast.gz");

        MshRun.Result first = msh("recordings", "export", Recordings.SESSION_ID, plain.toString());
        MshRun.Result second = msh("recordings", "export", Recordings.SESSION_ID, zipped.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out() + first.err()).isEmpty();
        assertThat(Files.readAllBytes(plain)).isEqualTo(Recordings.sample());
        assertThat(second.exitCode()).as(second.err()).isZero();
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(zipped))) {
            assertThat(in.readAllBytes()).isEqualTo(Recordings.sample());
        }
        // the exported file plays offline, without a login
        MshRun.Result played = MshRun.run(Files.createTempDirectory(tmp, "nologin"), "", "play", zipped.toString(),
                "--format", "text");
        assertThat(played.exitCode()).as(played.err()).isZero();
        assertThat(played.out()).isEqualTo(Recordings.SAMPLE_TEXT);
    }

    @Test
    void exportRefusesToReplaceAFileUnlessForcedWithoutAskingTheProxy() throws Exception {
        Path file = Files.writeString(tmp.resolve("existing-" + System.nanoTime() + ".cast"), "mine");

        MshRun.Result refused = msh("recordings", "export", Recordings.SESSION_ID, file.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("msh: " + file + " exists; add --force to replace it\n");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(proxy.commands).isEmpty();

        MshRun.Result forced = msh("recordings", "export", "--force", Recordings.SESSION_ID, file.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(Recordings.sample());
    }

    @Test
    void anExportThatBreaksOffLeavesNoFile() throws Exception {
        Path file = tmp.resolve("broken-" + System.nanoTime() + ".cast.gz");

        MshRun.Result result = msh("recordings", "export", BROKEN, file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("cannot read the recording of session " + BROKEN);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains(file.getFileName().toString()));
        }
    }

    @Test
    void playChecksItsOptionsAndArgumentBeforeConnecting() {
        MshRun.Result fast = msh("play", Recordings.SESSION_ID, "--speed", "10");
        MshRun.Result format = msh("play", Recordings.SESSION_ID, "--format", "html");
        MshRun.Result missing = msh("play", "./nothing-here.cast");

        assertThat(fast.exitCode()).isEqualTo(2);
        assertThat(fast.err()).startsWith("msh: --speed 10: expected a number from 0.5 to 8\n");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("msh: --format html: expected pty, json or text\n");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("msh: no such file or session id: ./nothing-here.cast\n");
        assertThat(proxy.commands).isEmpty();
    }

    private MshRun.Result msh(String... args) {
        return TestCluster.msh(home, args);
    }

    private static String entry(String id, String user, String login, String started, long durationMs,
            boolean complete) {
        return "{\"session_id\":\"" + id + "\",\"user\":" + user + ",\"login\":" + login + ",\"node\":\"node-01\","
                + "\"started_at\":\"" + started + "\",\"duration_ms\":" + durationMs + ",\"complete\":" + complete
                + ",\"size_bytes\":4321}";
    }
}
