package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.Caller;
import org.mezite.api.store.NewAuditEvent;

/** {@code recordings ls} and {@code recordings get} over a real SSH connection to the proxy, as msh runs them. */
class RecordingCommandsTest {

    private static final String FIRST = "3f1e0b5c-0000-4000-8000-000000000001";
    private static final String SECOND = "3f1e0b5c-0000-4000-8000-000000000002";
    private static final String BIG = "3f1e0b5c-0000-4000-8000-0000000000ff";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static RunningProxy proxy;
    private static ProxyClient client;
    private static ClientSession session;

    @BeforeAll
    static void start() throws Exception {
        proxy = new RunningProxy();
        proxy.recordings.add(FIRST, "alice", T0, 1234);
        proxy.recordings.add(SECOND, "bob", T0.plusSeconds(3600), 5_000_001);
        proxy.recordings.add(BIG, "carol", T0.minusSeconds(3600), 24L * 1024 * 1024 + 7);
        client = ProxyClient.start();
        session = client.login(proxy.port(), "alice", TestHub.user(TestHub.cas(), "alice", List.of("alice"),
                Duration.ofHours(1), Map.of("team", List.of("db"))).keyPair());
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        client.close();
        proxy.close();
    }

    @BeforeEach
    void allowAndInstall() {
        proxy.access.allowRule("session", "list");
        proxy.access.allowRule("session", "read");
        proxy.server.bindRecordings(proxy.recordings);
    }

    @Test
    void lsListsTheNewestRecordingsFirstAsJson() throws Exception {
        ProxyClient.Result result = ProxyClient.exec(session, "recordings ls --format json --limit 2");

        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("[\n"
                + "  {\"session_id\":\"" + SECOND + "\",\"user\":\"bob\",\"login\":\"root\",\"node\":\"node-01\","
                + "\"started_at\":\"2026-03-01T10:00:00Z\",\"duration_ms\":83250,\"complete\":true,"
                + "\"size_bytes\":5000001},\n"
                + "  {\"session_id\":\"" + FIRST + "\",\"user\":\"alice\",\"login\":\"root\",\"node\":\"node-01\","
                + "\"started_at\":\"2026-03-01T09:00:00Z\",\"duration_ms\":83250,\"complete\":true,"
                + "\"size_bytes\":1234}\n"
                + "]\n");
        assertThat(proxy.recordings.limits()).last().isEqualTo(2);
    }

    @Test
    void lsAsksTheRulesAboutListingSessionsAsTheCertificatesUserWithItsRolesAndTraits() throws Exception {
        ProxyClient.exec(session, "recordings ls");

        Caller caller = proxy.access.ruleCallers().get(proxy.access.ruleCallers().size() - 1);
        assertThat(caller.name()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("dev");
        assertThat(caller.traits()).containsEntry("team", List.of("db"));
        assertThat(caller.operator()).isFalse();
    }

    @Test
    void lsPrintsATableByDefaultWithTheDefaultLimit() throws Exception {
        ProxyClient.Result result = ProxyClient.exec(session, "recordings ls");

        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList()).hasSize(4);
        assertThat(result.stdout().lines().findFirst().orElseThrow()).startsWith("SESSION ")
                .contains("USER", "LOGIN", "NODE", "STARTED (UTC)", "DURATION", "COMPLETE", "SIZE");
        assertThat(result.stdout()).contains(SECOND + "  bob    root   node-01  2026-03-01 10:00:00  1m23s");
        assertThat(proxy.recordings.limits()).last().isEqualTo(RecordingRequest.DEFAULT_LIMIT);
    }

    @Test
    void lsIsDeniedWithTheDecisionsReason() throws Exception {
        proxy.access.denyRule("session", "list");

        ProxyClient.Result result = ProxyClient.exec(session, "recordings ls --format json");

        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("mezite proxy: access denied: no role of alice allows session:list\n");
    }

    @Test
    void withoutRecordingsInstalledTheCommandsSaySo() throws Exception {
        proxy.server.unbindRecordings(proxy.recordings);

        ProxyClient.Result list = ProxyClient.exec(session, "recordings ls");
        ProxyClient.Result get = ProxyClient.exec(session, "recordings get " + FIRST);

        assertThat(list.exitStatus()).isEqualTo(1);
        assertThat(list.stderr()).isEqualTo("mezite proxy: recordings are not available on this proxy\n");
        assertThat(get.exitStatus()).isEqualTo(1);
        assertThat(get.stderr()).isEqualTo("mezite proxy: recordings are not available on this proxy\n");
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsWrong() throws Exception {
        assertThat(ProxyClient.exec(session, "recordings").stderr()).startsWith("mezite proxy: usage: recordings ls");
        assertThat(ProxyClient.exec(session, "recordings rm " + FIRST).stderr())
                .startsWith("mezite proxy: recordings: unknown command \"rm\"");
        assertThat(ProxyClient.exec(session, "recordings ls --limit 0").stderr())
                .isEqualTo("mezite proxy: recordings ls: --limit \"0\": expected a number from 1 to 1000\n");
        assertThat(ProxyClient.exec(session, "recordings get a b").stderr())
                .startsWith("mezite proxy: recordings get: expected one SESSION_ID");
        ProxyClient.Result badId = ProxyClient.exec(session, "recordings get ../../etc/passwd");
        assertThat(badId.exitStatus()).isEqualTo(1);
        assertThat(badId.stderr())
                .isEqualTo("mezite proxy: recordings get: \"../../etc/passwd\" is not a session id\n");
    }

    @Test
    void getWritesTheStoredBytesAndAuditsTheAccess() throws Exception {
        int before = proxy.audit.events(ProxyAudit.RECORDING_ACCESS).size();

        ProxyCollected result = collect("recordings get " + SECOND);

        assertThat(result.status).as(result.stderr).isZero();
        assertThat(result.bytes).isEqualTo(5_000_001);
        assertThat(result.intact).isTrue();
        FakeRecordings.Content content = proxy.recordings.opened().get(proxy.recordings.opened().size() - 1);
        content.awaitClosed();
        NewAuditEvent event = awaitAccess(before, "success");
        assertThat(event.username()).isEqualTo("alice");
        assertThat(event.sessionId()).isEqualTo(SECOND);
        assertThat(event.resource()).isEqualTo("session/" + SECOND);
        assertThat(event.action()).isEqualTo("read");
        assertThat(event.clientAddr()).startsWith("127.0.0.1:");
        assertThat(event.metadata()).contains("\"component\":\"proxy\"", "\"recording_user\":\"bob\"",
                "\"recording_node\":\"node-01\"", "\"size_bytes\":5000001", "\"sink\":\"file\"",
                "\"reason\":\"role dev allows session:read\"");
    }

    @Test
    void getReadsTheRecordingNoFurtherAheadOfTheClientThanTheChannelsWindow() throws Exception {
        long window = CoreModuleProperties.WINDOW_SIZE.getRequired(session);
        long size = 24L * 1024 * 1024 + 7;
        try (ChannelExec channel = session.createExecChannel("recordings get " + BIG)) {
            channel.open().verify(ProxyClient.GUARD);
            InputStream in = channel.getInvertedOut();
            byte[] buffer = new byte[8 * 1024];
            long received = 0;
            long mostAhead = 0;
            long firstWrong = -1;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n && firstWrong < 0; i++) {
                    firstWrong = buffer[i] == FakeRecordings.Content.byteAt(received + i) ? -1 : received + i;
                }
                received += n;
                FakeRecordings.Content content = proxy.recordings.opened().get(proxy.recordings.opened().size() - 1);
                mostAhead = Math.max(mostAhead, content.position() - received);
            }
            assertThat(received).isEqualTo(size);
            assertThat(firstWrong).as("the first byte that differs").isEqualTo(-1);
            // what the proxy has read but the client has not is in the window, or in the one chunk being written
            assertThat(mostAhead).isLessThanOrEqualTo(window + 2L * RecordingGetCommand.CHUNK);
        }
    }

    @Test
    void aClientThatGoesAwayMidwayLeavesNothingOpen() throws Exception {
        FakeRecordings.Content content;
        try (ChannelExec channel = session.createExecChannel("recordings get " + BIG)) {
            channel.open().verify(ProxyClient.GUARD);
            assertThat(channel.getInvertedOut().readNBytes(100_000)).hasSize(100_000);
            content = proxy.recordings.opened().get(proxy.recordings.opened().size() - 1);
            // a graceful close sends SSH_MSG_CHANNEL_CLOSE, which the proxy must answer though it is mid-write
            assertThat(channel.close(false).await(ProxyClient.GUARD)).isTrue();
        }
        content.awaitClosed();
        assertThat(content.position()).isLessThan(24L * 1024 * 1024);
    }

    @Test
    void getOfAnUnknownSessionSaysThereIsNoRecordingAndAuditsAFailure() throws Exception {
        int before = proxy.audit.events(ProxyAudit.RECORDING_ACCESS).size();

        ProxyClient.Result result = ProxyClient.exec(session, "recordings get 00000000-dead-beef-0000-000000000000");

        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .isEqualTo("mezite proxy: no recording of session 00000000-dead-beef-0000-000000000000\n");
        NewAuditEvent event = awaitAccess(before, "failure");
        assertThat(event.metadata()).contains("\"reason\":\"no recording of session 00000000");
    }

    @Test
    void getOfARecordingWhoseBytesAreGoneSaysThereIsNoRecording() throws Exception {
        FakeRecordings lostBytes = new FakeRecordings();
        lostBytes.add(FIRST, "alice", T0, 10);
        lostBytes.loseContent(FIRST);
        proxy.server.bindRecordings(lostBytes);
        try {
            ProxyClient.Result result = ProxyClient.exec(session, "recordings get " + FIRST);

            assertThat(result.exitStatus()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("mezite proxy: no recording of session " + FIRST + "\n");
        } finally {
            proxy.server.unbindRecordings(lostBytes);
        }
    }

    @Test
    void getWhileTheSinkIsMissingSaysWhy() throws Exception {
        FakeRecordings missing = new FakeRecordings();
        missing.add(FIRST, "alice", T0, 10);
        missing.sinkMissing("recording sink \"database\" is not installed");
        proxy.server.bindRecordings(missing);
        int before = proxy.audit.events(ProxyAudit.RECORDING_ACCESS).size();
        try {
            ProxyClient.Result result = ProxyClient.exec(session, "recordings get " + FIRST);

            assertThat(result.exitStatus()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("mezite proxy: recording sink \"database\" is not installed\n");
            awaitAccess(before, "failure");
        } finally {
            proxy.server.unbindRecordings(missing);
        }
    }

    @Test
    void getIsDeniedWithTheReasonAuditedAndNothingOpened() throws Exception {
        proxy.access.denyRule("session", "read");
        int opened = proxy.recordings.opened().size();
        int before = proxy.audit.events(ProxyAudit.RECORDING_ACCESS).size();

        ProxyClient.Result result = ProxyClient.exec(session, "recordings get " + FIRST);

        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("mezite proxy: access denied: no role of alice allows session:read\n");
        NewAuditEvent event = awaitAccess(before, "denied");
        assertThat(event.sessionId()).isEqualTo(FIRST);
        assertThat(event.metadata()).contains("\"reason\":\"no role of alice allows session:read\"");
        assertThat(proxy.recordings.opened()).hasSize(opened);
    }

    /** The audit event recorded after the first {@code before} ones. */
    /**
     * The first {@code recording.access} event with this result after the first {@code before}. Audit events are
     * recorded on the proxy's audit thread, so one of an earlier test (a client that left mid-transfer) may still
     * arrive after {@code before} was counted: it is passed over, not taken for this test's.
     */
    private static NewAuditEvent awaitAccess(int before, String result) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ProxyClient.GUARD.toMillis();
        while (true) {
            List<NewAuditEvent> events = proxy.audit.events(ProxyAudit.RECORDING_ACCESS);
            for (NewAuditEvent event : events.subList(Math.min(before, events.size()), events.size())) {
                if (event.result().equals(result)) {
                    return event;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no new recording.access event with result " + result + " in " + events);
            }
            Thread.sleep(10);
        }
    }

    /** What a command wrote to standard output, checked against the recordings' content as it arrives. */
    private record ProxyCollected(int status, long bytes, boolean intact, String stderr) {
    }

    private static ProxyCollected collect(String command) throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setErr(err);
            channel.open().verify(ProxyClient.GUARD);
            InputStream in = channel.getInvertedOut();
            byte[] buffer = new byte[64 * 1024];
            long received = 0;
            boolean intact = true;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n && intact; i++) {
                    intact = buffer[i] == FakeRecordings.Content.byteAt(received + i);
                }
                received += n;
            }
            channel.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED),
                    ProxyClient.GUARD);
            return new ProxyCollected(channel.getExitStatus(), received, intact,
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
