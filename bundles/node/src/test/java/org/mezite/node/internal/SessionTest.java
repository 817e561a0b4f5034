package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.channel.PtyMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.NewAuditEvent;

/** Sessions as the login: on a terminal or not, as root or another user, and what the user sees when it goes wrong. */
class SessionTest {

    private NodeUnderTest node;
    private TestClient client;
    private final KeyPair alice = TestCa.ed25519();

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

    private ClientSession login(String login) throws Exception {
        return client.login(node.address(), login, alice, node.ca.user(alice, "alice", List.of(login)));
    }

    @Test
    void aTerminalSessionHasATtyFollowsWindowChangesAndStopsOnCtrlC() throws Exception {
        try (ClientSession session = login("root")) {
            PtyChannelConfiguration terminal = new PtyChannelConfiguration();
            terminal.setPtyType("xterm-256color");
            terminal.setPtyColumns(80);
            terminal.setPtyLines(24);
            ChannelShell shell = session.createShellChannel(terminal, Map.of("LANG", "C.UTF-8"));
            shell.open().verify(TestClient.WAIT);
            Screen screen = new Screen(shell.getInvertedOut());
            OutputStream keys = shell.getInvertedIn();

            type(keys, "tty; stty size; echo \"T=$TERM L=$LANG S=$SSH_TTY\"\n");
            Matcher tty = screen.await("^(/dev/pts/[0-9]+)\r?$");
            screen.await("^24 80\r?$");
            screen.await("^T=xterm-256color L=C.UTF-8 S=" + tty.group(1) + "\r?$");

            shell.sendWindowChange(132, 43);
            type(keys, "stty size\n");
            screen.await("^43 132\r?$");

            type(keys, "echo sleep\"ing\"; sleep 300\n");
            screen.await("^sleeping\r?$");
            type(keys, "\u0003");
            type(keys, "echo \"after $?\"\n");
            screen.await("^after 130\r?$");

            type(keys, "exit 7\n");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            assertThat(shell.getExitStatus()).isEqualTo(7);
        }
        NewAuditEvent end = node.audit.await("session.end");
        assertThat(end.metadata()).contains("\"tty\":true").contains("\"exit_status\":7").contains("\"kind\":\"shell\"");
    }

    @Test
    void setsTheTerminalModesTheClientAsksFor() throws Exception {
        try (ClientSession session = login("root"); ChannelExec exec = session.createExecChannel("stty -a")) {
            exec.setUsePty(true);
            exec.setPtyModes(Map.of(PtyMode.VINTR, 2, PtyMode.ECHO, 0, PtyMode.ICRNL, 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exec.setOut(out);
            exec.open().verify(TestClient.WAIT);
            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("intr = ^B;").contains(" -echo ")
                    .contains(" icrnl ");
            assertThat(exec.getExitStatus()).isZero();
        }
    }

    @Test
    void runsAsAnotherLoginWithItsIdsHomeAndEnvironment() throws Exception {
        String user = TestUsers.create();
        try {
            String[] passwd = TestUsers.run("getent", "passwd", user).strip().split(":");
            try (ClientSession session = login(user)) {
                TestClient.Result result = TestClient.exec(session,
                        "id -u; id -g; pwd; echo \"$HOME $USER $LOGNAME $SHELL\"; echo \"$PATH\"; touch ~/written");

                assertThat(result.err()).isEmpty();
                assertThat(result.out().split("\n")).containsExactly(passwd[2], passwd[3], passwd[5],
                        passwd[5] + " " + user + " " + user + " /bin/bash", SessionEnvironment.USER_PATH);
                assertThat(result.status()).isZero();
            }
            assertThat(TestUsers.run("stat", "-c", "%U", passwd[5] + "/written").strip()).isEqualTo(user);
        } finally {
            TestUsers.delete(user);
        }
    }

    @Test
    void aLoginTheHostDoesNotHaveIsAClearErrorAndStatus1() throws Exception {
        try (ClientSession session = login("nosuchuser-mz")) {
            TestClient.Result result = TestClient.exec(session, "true");

            assertThat(result.err()).isEqualTo("mezd: login \"nosuchuser-mz\" does not exist on node-01\n");
            assertThat(result.status()).isEqualTo(1);
        }
        NewAuditEvent rejected = node.audit.await("session.rejected");
        assertThat(rejected.login()).isEqualTo("nosuchuser-mz");
        assertThat(rejected.metadata()).contains("does not exist on node-01");
    }

    @Test
    void reportsTheSignalThatKilledTheCommand() throws Exception {
        try (ClientSession session = login("root")) {
            TestClient.Result result = TestClient.exec(session, "kill -TERM $$");

            assertThat(result.signal()).isEqualTo("TERM");
        }
        assertThat(node.audit.await("session.end").metadata()).contains("\"exit_signal\":\"TERM\"");
    }

    @Test
    void passesStdinUntilEofAndDoesNotWaitForABackgroundChild() throws Exception {
        try (ClientSession session = login("root"); ChannelExec cat = session.createExecChannel(
                "cat; sleep 45 & echo started")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            cat.setIn(new ByteArrayInputStream("typed\n".getBytes(StandardCharsets.UTF_8)));
            cat.setOut(out);
            cat.setErr(new ByteArrayOutputStream());
            cat.open().verify(TestClient.WAIT);
            cat.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("typed\nstarted\n");
            assertThat(cat.getExitStatus()).isZero();
        }
    }

    @Test
    void takesOnlyTheLocaleFromTheClientsEnvironment() throws Exception {
        try (ClientSession session = login("root"); ChannelExec exec = session.createExecChannel(
                "echo \"$LANG|$LC_ALL|$EVIL|$SSH_CONNECTION\"", null, Map.of("LANG", "de_DE.UTF-8",
                        "LC_ALL", "C", "EVIL", "1"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exec.setOut(out);
            exec.setErr(new ByteArrayOutputStream());
            exec.open().verify(TestClient.WAIT);
            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .matches("de_DE\\.UTF-8\\|C\\|\\|127\\.0\\.0\\.1 [0-9]+ 127\\.0\\.0\\.1 [0-9]+\n");
        }
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }
}
