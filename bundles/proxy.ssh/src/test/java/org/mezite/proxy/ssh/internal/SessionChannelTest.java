package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.NewAuditEvent;

/** msh's way through the proxy ({@code proxy:LOGIN@NODE:PORT}), {@code ls}, and everything else a session asks. */
class SessionChannelTest {

    private static RunningProxy proxy;
    private static ProxyClient client;
    private static ClientSession session;

    @BeforeAll
    static void start() throws Exception {
        proxy = new RunningProxy();
        client = ProxyClient.start();
        session = client.login(proxy.port(), "alice", TestHub.alice().keyPair());
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        client.close();
        proxy.close();
    }

    @Test
    void theProxySubsystemCarriesTheNodesSshStream() throws Exception {
        try (ChannelSubsystem channel = session.createSubsystemChannel("proxy:ubuntu@node-01:22")) {
            channel.open().verify(ProxyClient.GUARD);
            InputStream in = channel.getInvertedOut();
            String greeting = new String(in.readNBytes(8), StandardCharsets.US_ASCII);
            assertThat(greeting).isEqualTo("SSH-2.0-"); // the node's SSH server speaks
        }
        assertThat(proxy.access.questions()).anySatisfy(question -> {
            assertThat(question.login()).isEqualTo("ubuntu");
            assertThat(question.node().nodeName()).isEqualTo("node-01");
        });
        proxy.audit.await("proxy.connect");
        assertThat(proxy.audit.events("proxy.connect")).anySatisfy(connected -> {
            assertThat(connected.login()).isEqualTo("ubuntu");
            assertThat(connected.node()).isEqualTo(RunningProxy.NODE_01);
            assertThat(connected.metadata()).contains("\"via\":\"subsystem\"");
        });
    }

    @Test
    void theProxySubsystemCarriesMegabytesBothWaysIntact() throws Exception {
        byte[] data = new byte[6 * 1024 * 1024 + 3];
        new Random(3).nextBytes(data);
        try (ChannelSubsystem channel = session.createSubsystemChannel("proxy:alice@db-01:22")) {
            channel.open().verify(ProxyClient.GUARD);
            InputStream in = channel.getInvertedOut();
            OutputStream out = channel.getInvertedIn();
            CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (int offset = 0; offset < data.length; offset += 65_536) {
                out.write(data, offset, Math.min(65_536, data.length - offset));
            }
            out.close(); // EOF: the echo server ends its output, and the proxy ends the channel with status 0
            byte[] received = echoed.get(ProxyClient.GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(sha256(received)).isEqualTo(sha256(data));
            channel.waitFor(EnumSet.of(ClientChannelEvent.EXIT_STATUS), ProxyClient.GUARD);
            assertThat(channel.getExitStatus()).isZero();
        }
    }

    @Test
    void aDeniedLoginIsRefusedOnStandardErrorWithExitStatusOne() throws Exception {
        Outcome outcome = subsystem("proxy:root@node-01:22");
        assertThat(outcome.stderr()).isEqualTo("mezite proxy: access to node \"node-01\" denied: login \"root\" is"
                + " not among the logins of alice's certificate (alice, ubuntu)\n");
        assertThat(outcome.exitStatus()).isEqualTo(1);
        NewAuditEvent rejected = proxy.audit.await("session.rejected");
        assertThat(rejected.login()).isEqualTo("root");
        assertThat(rejected.node()).isEqualTo(RunningProxy.NODE_01);
    }

    @Test
    void anOfflineNodeIsRefusedOnStandardError() throws Exception {
        Outcome outcome = subsystem("proxy:alice@offline-01:22");
        assertThat(outcome.stderr()).isEqualTo("mezite proxy: node \"offline-01\" is offline\n");
        assertThat(outcome.exitStatus()).isEqualTo(1);
    }

    @Test
    void aMalformedTargetIsRefusedOnStandardError() throws Exception {
        Outcome outcome = subsystem("proxy:alice@node-01:ssh");
        assertThat(outcome.stderr()).contains("the port \"ssh\" is not a number");
        assertThat(outcome.exitStatus()).isEqualTo(1);
    }

    @Test
    void lsPrintsTheReachableNodesAsJson() throws Exception {
        ProxyClient.Result result = ProxyClient.exec(session, "ls");
        assertThat(result.exitStatus()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("[\n"
                + "  {\"id\":\"" + RunningProxy.DB_01 + "\",\"name\":\"db-01\",\"address\":\"10.0.0.2\","
                + "\"labels\":{\"env\":\"prod\",\"team\":\"data\"},\"online\":true},\n"
                + "  {\"id\":\"" + RunningProxy.NODE_01 + "\",\"name\":\"node-01\",\"address\":\"10.0.0.1\","
                + "\"labels\":{\"env\":\"dev\"},\"online\":true},\n"
                + "  {\"id\":\"" + RunningProxy.OFFLINE_01 + "\",\"name\":\"offline-01\",\"address\":null,"
                + "\"labels\":{\"env\":\"dev\"},\"online\":false},\n"
                + "  {\"id\":\"" + RunningProxy.WEB_A + "\",\"name\":\"web\",\"address\":\"10.0.0.10\","
                + "\"labels\":{},\"online\":true},\n"
                + "  {\"id\":\"" + RunningProxy.WEB_B + "\",\"name\":\"web\",\"address\":\"10.0.0.11\","
                + "\"labels\":{},\"online\":false}\n"
                + "]\n");
    }

    @Test
    void lsFiltersByLabels() throws Exception {
        ProxyClient.Result dev = ProxyClient.exec(session, "ls env=dev");
        assertThat(dev.stdout()).contains("\"node-01\"", "\"offline-01\"").doesNotContain("db-01", "secret-01");
        ProxyClient.Result none = ProxyClient.exec(session, "ls env=prod team=web");
        assertThat(none.stdout()).isEqualTo("[]\n");
        assertThat(none.exitStatus()).isZero();
    }

    @Test
    void lsRefusesAWordThatIsNoFilter() throws Exception {
        ProxyClient.Result result = ProxyClient.exec(session, "ls --format text");
        assertThat(result.stderr()).isEqualTo("mezite proxy: ls: \"--format\" is not a label filter KEY=VALUE\n");
        assertThat(result.exitStatus()).isEqualTo(1);
    }

    @Test
    void anyOtherCommandIsRefusedAsTheProxyIsAJumpHost() throws Exception {
        ProxyClient.Result result = ProxyClient.exec(session, "uname -a");
        assertThat(result.stderr()).isEqualTo("mezite proxy: this is a jump host; use msh ssh NODE or ssh -J\n");
        assertThat(result.exitStatus()).isEqualTo(1);
    }

    @Test
    void aShellIsRefusedAsTheProxyIsAJumpHost() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelShell shell = session.createShellChannel()) {
            shell.setOut(new ByteArrayOutputStream());
            shell.setErr(err);
            shell.open().verify(ProxyClient.GUARD);
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), ProxyClient.GUARD);
            assertThat(shell.getExitStatus()).isEqualTo(1);
        }
        // with a PTY, OpenSSH clients show standard error merged into the terminal; MINA keeps them apart
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("this is a jump host");
    }

    @Test
    void anotherSubsystemIsRefused() throws Exception {
        try (ChannelSubsystem sftp = session.createSubsystemChannel("sftp")) {
            sftp.open().verify(ProxyClient.GUARD);
            sftp.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), ProxyClient.GUARD);
            assertThat(sftp.getExitStatus()).isNull();
        }
    }

    private record Outcome(String stderr, Integer exitStatus) {
    }

    private static Outcome subsystem(String name) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelSubsystem channel = session.createSubsystemChannel(name)) {
            channel.setOut(new ByteArrayOutputStream());
            channel.setErr(err);
            channel.open().verify(ProxyClient.GUARD);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), ProxyClient.GUARD);
            return new Outcome(err.toString(StandardCharsets.UTF_8), channel.getExitStatus());
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
