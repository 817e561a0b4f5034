package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.recording.RecordingHeader;

/** What a terminal session feeds the agent's recorder, and what the session does when the recording fails. */
class RecordingTest {

    private NodeUnderTest node;
    private TestClient client;
    private final TestRecorder recorder = new TestRecorder();
    private final KeyPair alice = TestCa.ed25519();

    @BeforeEach
    void start() throws Exception {
        node = new NodeUnderTest();
        node.recorder.set(recorder);
        client = new TestClient();
    }

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    @Test
    void aTerminalSessionFeedsItsHeaderOutputResizesAndEnd() throws Exception {
        node.access.recordSession = RecordSessionMode.STRICT;
        Instant before = Instant.now();
        try (ClientSession session = login()) {
            ChannelShell shell = shell(session);
            Screen screen = new Screen(shell.getInvertedOut());
            type(shell, "echo \"hello from\" the-recording\n");
            screen.await("^hello from the-recording\r?$");
            shell.sendWindowChange(132, 43);
            type(shell, "stty size\n");
            screen.await("^43 132\r?$");
            type(shell, "exit\n");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
        }

        TestRecorder.Fed fed = recorder.next();
        assertThat(fed.awaitEnd()).as("ended").isTrue();
        RecordingHeader header = fed.header;
        assertThat(header.sessionId()).isEqualTo(node.audit.await("session.start").sessionId());
        assertThat(header.username()).isEqualTo("alice");
        assertThat(header.login()).isEqualTo("root");
        assertThat(header.nodeId()).isEqualTo(NodeUnderTest.NODE_ID);
        assertThat(header.nodeName()).isEqualTo(NodeUnderTest.NODE_NAME);
        assertThat(header.roles()).containsExactly("access", "dev");
        assertThat(header.columns()).isEqualTo(80);
        assertThat(header.rows()).isEqualTo(24);
        assertThat(header.term()).isEqualTo("xterm-256color");
        assertThat(header.startedAt()).isBetween(before, Instant.now());
        assertThat(header.onFailure()).isEqualTo(RecordSessionMode.STRICT);
        assertThat(fed.output()).contains("hello from the-recording").contains("43 132");
        assertThat(fed.resizes).containsExactly("132x43");
    }

    @Test
    void aSessionWithoutTerminalIsNotRecorded() throws Exception {
        try (ClientSession session = login()) {
            assertThat(TestClient.exec(session, "echo plain").out()).isEqualTo("plain\n");
        }
        node.audit.await("session.end");
        assertThat(recorder.started).isEmpty();
    }

    @Test
    void aRecordingThatFailsEndsTheSessionWithTheReason() throws Exception {
        try (ClientSession session = login()) {
            ChannelShell shell = shell(session);
            Screen screen = new Screen(shell.getInvertedOut());
            type(shell, "echo started\n");
            screen.await("^started\r?$");

            recorder.next().onFailure.accept("the recording cannot reach Auth: UNAVAILABLE");

            screen.await("mezd: recording failed: the recording cannot reach Auth: UNAVAILABLE\r\n");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
        }
        assertThat(node.audit.await("session.end").metadata())
                .contains("\"reason\":\"recording failed: the recording cannot reach Auth: UNAVAILABLE\"");
    }

    @Test
    void aRecorderThatThrowsDoesNotDisturbTheSession() throws Exception {
        recorder.throwing = true;
        try (ClientSession session = login()) {
            ChannelShell shell = shell(session);
            Screen screen = new Screen(shell.getInvertedOut());
            type(shell, "echo still-works; exit 3\n");
            screen.await("^still-works\r?$");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            assertThat(shell.getExitStatus()).isEqualTo(3);
        }
        assertThat(recorder.next().ended.getCount()).as("not fed after it threw").isEqualTo(1);
    }

    @Test
    void withoutARecorderTerminalSessionsRunUnrecorded() throws Exception {
        node.recorder.set(null);
        try (ClientSession session = login()) {
            ChannelShell shell = shell(session);
            Screen screen = new Screen(shell.getInvertedOut());
            type(shell, "echo unrecorded; exit\n");
            screen.await("^unrecorded\r?$");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
        }
        assertThat(recorder.started).isEmpty();
    }

    private ClientSession login() throws Exception {
        return client.login(node.address(), "root", alice, node.ca.user(alice, "alice", List.of("root")));
    }

    private static ChannelShell shell(ClientSession session) throws Exception {
        PtyChannelConfiguration terminal = new PtyChannelConfiguration();
        terminal.setPtyType("xterm-256color");
        terminal.setPtyColumns(80);
        terminal.setPtyLines(24);
        ChannelShell shell = session.createShellChannel(terminal, Map.of("LANG", "C.UTF-8"));
        shell.open().verify(TestClient.WAIT);
        return shell;
    }

    private static void type(ChannelShell shell, String text) throws Exception {
        OutputStream keys = shell.getInvertedIn();
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }
}
