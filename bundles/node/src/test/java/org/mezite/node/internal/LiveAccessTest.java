package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicy.SessionTermination;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NewAuditEvent;

/**
 * Live connections follow the access policy: a lock ends the sessions it covers, telling the user why; a session an
 * administrator terminated ends alone; the roles' max_sessions and client_idle_timeout apply.
 */
class LiveAccessTest {

    private NodeUnderTest node;
    private TestClient client;
    private final KeyPair alice = TestCa.ed25519();
    private final KeyPair bob = TestCa.ed25519();
    private long revision = 1;

    @BeforeEach
    void start() throws Exception {
        node = new NodeUnderTest();
        client = new TestClient();
    }

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    @Test
    void aLockEndsALiveTerminalSessionShowingItsMessageAndSparesOtherUsers() throws Exception {
        try (ClientSession aliceSession = login(alice, "alice"); ClientSession bobSession = login(bob, "bob")) {
            AtomicReference<String> disconnect = disconnectReason(aliceSession);
            ChannelShell shell = terminal(aliceSession);
            Screen screen = new Screen(shell.getInvertedOut());
            type(shell.getInvertedIn(), "echo rea\"dy\"\n");
            screen.await("^ready\r?$");

            publish(List.of(lock(LockTargetKind.USER, "alice", "security incident, call the SOC")), List.of());

            screen.await("\r\nmezd: locked \\(user=alice\\): security incident, call the SOC\r\n");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            aliceSession.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TestClient.WAIT);
            assertThat(aliceSession.isOpen()).isFalse();
            assertThat(disconnect.get()).isEqualTo("mezd: locked (user=alice): security incident, call the SOC");
            assertThat(TestClient.exec(bobSession, "echo bob goes on").out()).isEqualTo("bob goes on\n");
        }
        NewAuditEvent rejected = node.audit.await("session.rejected");
        assertThat(rejected.username()).isEqualTo("alice");
        assertThat(rejected.metadata()).contains("locked (user=alice): security incident, call the SOC");
        assertThat(node.audit.await("session.end", e -> e.username().equals("alice")).metadata())
                .contains("\"kind\":\"shell\"").contains("\"reason\":\"locked (user=alice): security incident");
    }

    @Test
    void aLockEndsACommandWithTheMessageOnStderr() throws Exception {
        try (ClientSession session = login(alice, "alice");
                ChannelExec exec = session.createExecChannel("echo started; sleep 300")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            exec.setErr(err);
            exec.open().verify(TestClient.WAIT);
            Screen out = new Screen(exec.getInvertedOut());
            out.await("^started$");

            publish(List.of(lock(LockTargetKind.LOGIN, "root", "maintenance until 14:00")), List.of());

            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("mezd: locked (login=root): maintenance until 14:00\n");
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TestClient.WAIT);
        }
        assertThat(node.audit.await("session.end").metadata()).contains("\"kind\":\"exec\"")
                .contains("\"reason\":\"locked (login=root): maintenance until 14:00\"");
    }

    @Test
    void aTerminatedSessionEndsAloneWhileTheSameUsersOtherSessionGoesOn() throws Exception {
        try (ClientSession session = login(alice, "alice")) {
            ChannelShell shell = terminal(session);
            Screen screen = new Screen(shell.getInvertedOut());
            type(shell.getInvertedIn(), "echo rea\"dy\"\n");
            screen.await("^ready\r?$");
            ChannelExec cat = session.createExecChannel("cat");
            cat.open().verify(TestClient.WAIT);
            InputStream catOut = cat.getInvertedOut();
            String shellId = node.audit.await("session.start", e -> e.metadata().contains("\"kind\":\"shell\""))
                    .sessionId();
            String catId = node.audit.await("session.start", e -> e.metadata().contains("\"kind\":\"exec\""))
                    .sessionId();
            assertThat(shellId).isNotEqualTo(catId);

            publish(List.of(), List.of(new SessionTermination(shellId, "ended by bob: incident review")));

            screen.await("\r\nmezd: ended by bob: incident review\r\n");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            // the termination stays in the policies that follow; it never reaches another session
            publish(List.of(), List.of(new SessionTermination(shellId, "ended by bob: incident review")));
            type(cat.getInvertedIn(), "still here\n");
            assertThat(new String(catOut.readNBytes("still here\n".length()), StandardCharsets.UTF_8))
                    .isEqualTo("still here\n");
            assertThat(session.isOpen()).isTrue();
            assertThat(TestClient.exec(session, "echo new session").out()).isEqualTo("new session\n");
            cat.close(false);
        }
        NewAuditEvent end = node.audit.await("session.end", e -> e.metadata().contains("\"kind\":\"shell\""));
        assertThat(end.metadata()).contains("\"reason\":\"ended by bob: incident review\"");
    }

    @Test
    void maxSessionsRefusesTheExtraSessionWithTheReason() throws Exception {
        node.access.maxSessions = 2;
        try (ClientSession session = login(alice, "alice")) {
            ChannelExec first = session.createExecChannel("cat");
            first.open().verify(TestClient.WAIT);
            ChannelExec second = session.createExecChannel("cat");
            second.open().verify(TestClient.WAIT);

            ChannelExec third = session.createExecChannel("echo third");
            assertThatThrownBy(() -> third.open().verify(TestClient.WAIT))
                    .hasRootCauseInstanceOf(SshChannelOpenException.class).rootCause()
                    .hasMessage("mezd: too many sessions on this connection: alice's roles allow 2 (max_sessions)");

            first.getInvertedIn().close(); // EOF: cat ends, and its session with it
            first.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            assertThat(TestClient.exec(session, "echo fourth").out()).isEqualTo("fourth\n");
            second.close(false);
        }
        NewAuditEvent rejected = node.audit.await("session.rejected");
        assertThat(rejected.metadata()).contains("too many sessions on this connection");
        assertThat(rejected.username()).isEqualTo("alice");
    }

    @Test
    void theRolesIdleTimeoutClosesAnIdleConnectionWhenShorterThanTheNodes() throws Exception {
        node.close();
        node = new NodeUnderTest(new NodeSshSettings(Optional.empty(), Optional.of(Duration.ofHours(1))));
        node.access.clientIdleTimeout = Duration.ofSeconds(1);
        ClientSession session = login(alice, "alice");

        session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TestClient.WAIT);

        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void takesTheShorterOfTheNodesAndTheRolesIdleTimeout() {
        Duration minute = Duration.ofMinutes(1);
        Duration hour = Duration.ofHours(1);

        assertThat(LiveAccess.idleTimeout(Optional.of(hour), minute)).contains(minute);
        assertThat(LiveAccess.idleTimeout(Optional.of(minute), hour)).contains(minute);
        assertThat(LiveAccess.idleTimeout(Optional.empty(), minute)).contains(minute);
        assertThat(LiveAccess.idleTimeout(Optional.of(hour), null)).contains(hour);
        assertThat(LiveAccess.idleTimeout(Optional.of(hour), Duration.ZERO)).contains(hour);
        assertThat(LiveAccess.idleTimeout(Optional.empty(), null)).isEmpty();
    }

    private ClientSession login(KeyPair key, String user) throws Exception {
        return client.login(node.address(), "root", key, node.ca.user(key, user, List.of("root")));
    }

    private void publish(List<Lock> locks, List<SessionTermination> terminated) throws InterruptedException {
        node.policies.publish(new AccessPolicy(++revision, List.of(), locks, terminated));
    }

    private static Lock lock(LockTargetKind kind, String value, String message) {
        return new Lock("lock-" + value, new LockTarget(kind, value), message, null, "bob", Instant.now());
    }

    private static ChannelShell terminal(ClientSession session) throws Exception {
        PtyChannelConfiguration terminal = new PtyChannelConfiguration();
        terminal.setPtyType("xterm");
        ChannelShell shell = session.createShellChannel(terminal, Map.of());
        shell.open().verify(TestClient.WAIT);
        return shell;
    }

    private static AtomicReference<String> disconnectReason(ClientSession session) {
        AtomicReference<String> reason = new AtomicReference<>();
        session.addSessionListener(new SessionListener() {
            @Override
            public void sessionDisconnect(Session s, int code, String message, String language, boolean initiator) {
                reason.set(message);
            }
        });
        return reason;
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }
}
