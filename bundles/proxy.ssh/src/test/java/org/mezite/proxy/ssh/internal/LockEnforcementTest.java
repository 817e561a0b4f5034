package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NewAuditEvent;

/** Locks at the proxy: refused at login, and live connections closed with the lock's message when one appears. */
class LockEnforcementTest {

    private RunningProxy proxy;
    private ProxyClient client;

    @BeforeEach
    void start() throws Exception {
        proxy = new RunningProxy();
        client = ProxyClient.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        proxy.close();
    }

    @Test
    void aLiveMshConnectionEndsWithTheLockMessageOnStandardErrorAndInTheDisconnect() throws Exception {
        ClientSession session = client.login(proxy.port(), "alice", TestHub.alice().keyPair());
        BlockingQueue<String> disconnects = disconnects(session);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ChannelSubsystem channel = session.createSubsystemChannel("proxy:ubuntu@node-01:22");
        channel.setOut(out);
        channel.setErr(err);
        channel.open().verify(ProxyClient.GUARD);
        awaitText(out, "SSH-2.0-"); // the node's SSH server speaks: the route is live

        proxy.policies.lock(lock("l-1", LockTargetKind.USER, "alice", "security incident, call the SOC"));

        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), ProxyClient.GUARD);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("mezite proxy: locked (user=alice): security incident, call the SOC\n");
        assertThat(channel.getExitStatus()).isEqualTo(1);
        assertThat(disconnects.poll(ProxyClient.GUARD.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo("mezite proxy: locked (user=alice): security incident, call the SOC");
        session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), ProxyClient.GUARD);
        assertThat(session.isOpen()).isFalse();

        NewAuditEvent enforced = proxy.audit.await("lock.enforced");
        assertThat(enforced.result()).isEqualTo("success");
        assertThat(enforced.username()).isEqualTo("alice");
        assertThat(enforced.resource()).isEqualTo("lock:l-1");
        assertThat(enforced.clientAddr()).startsWith("127.0.0.1:");
        assertThat(enforced.metadata()).contains("\"lock_target\":\"user=alice\"")
                .contains("\"reason\":\"locked (user=alice): security incident, call the SOC\"");
    }

    @Test
    void aProxyJumpToALockedNodeIsClosedWhileOtherConnectionsGoOn() throws Exception {
        TestHub.UserIdentity alice = TestHub.alice();
        ClientSession jumping = client.login(proxy.port(), "alice", alice.keyPair());
        BlockingQueue<String> disconnects = disconnects(jumping);
        ClientSession node = client.jump(jumping, "node-01", "ubuntu", alice.keyPair(), proxy.node.hostKey());
        assertThat(ProxyClient.exec(node, "hello").stdout()).isEqualTo("hello from node-01 as ubuntu\n");
        try (ClientSession other = client.login(proxy.port(), "alice", alice.keyPair())) {
            ClientChannel echo = other.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("db-01", 22));
            echo.open().verify(ProxyClient.GUARD);

            proxy.policies.lock(lock("l-2", LockTargetKind.NODE, RunningProxy.NODE_01, "maintenance"));

            assertThat(disconnects.poll(ProxyClient.GUARD.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo("mezite proxy: locked (node=" + RunningProxy.NODE_01 + "): maintenance");
            node.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), ProxyClient.GUARD);
            // the connection to another node is not the lock's business, and ls leaves the locked node out
            echo.getInvertedIn().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            echo.getInvertedIn().flush();
            assertThat(new String(echo.getInvertedOut().readNBytes(5), StandardCharsets.US_ASCII))
                    .isEqualTo("ping\n");
            ProxyClient.Result ls = ProxyClient.exec(other, "ls");
            assertThat(ls.exitStatus()).isZero();
            assertThat(ls.stdout()).contains("\"db-01\"").doesNotContain("\"node-01\"");
            assertThat(other.isOpen()).isTrue();
        }
        NewAuditEvent enforced = proxy.audit.await("lock.enforced");
        assertThat(enforced.node()).isEqualTo(RunningProxy.NODE_01);
        assertThat(enforced.login()).isNull(); // a ProxyJump does not show its login to the proxy
        assertThat(enforced.metadata()).contains("\"node_name\":\"node-01\"");
        assertThat(proxy.audit.events("lock.enforced")).hasSize(1);
    }

    @Test
    void aLockedUserIsRefusedAtLoginWithTheLockMessage() throws Exception {
        TestHub.UserIdentity bob = TestHub.user(TestHub.cas(), "bob", List.of("bob"), Duration.ofHours(1));
        proxy.policies.lock(lock("l-3", LockTargetKind.USER, "bob", "call the SOC"));
        assertThat(proxy.policies.subscribers()).isOne();

        assertThat(refusedLogin("bob", bob)).containsExactly("mezite proxy: locked (user=bob): call the SOC\n");
        NewAuditEvent failure = proxy.audit.await("ssh.auth");
        assertThat(failure.username()).isEqualTo("bob");
        assertThat(failure.result()).isEqualTo("failure");
        assertThat(failure.metadata()).contains("locked (user=bob): call the SOC");
        // others are not locked
        try (ClientSession alice = client.login(proxy.port(), "alice", TestHub.alice().keyPair())) {
            assertThat(alice.isAuthenticated()).isTrue();
        }
    }

    @Test
    void aLockOnARoleKeepsItsMembersOut() throws Exception {
        proxy.policies.lock(lock("l-4", LockTargetKind.ROLE, "dev", null));
        proxy.policies.subscribers();

        assertThat(refusedLogin("alice", TestHub.alice())).containsExactly("mezite proxy: locked (role=dev)\n");
        assertThat(proxy.audit.await("ssh.auth").metadata()).contains("locked (role=dev)");
    }

    @Test
    void theProxyStopsWatchingThePolicyWhenItStops() throws Exception {
        assertThat(proxy.policies.subscribers()).isOne();
        RecordingBundleContext context = new RecordingBundleContext("0.1.0");
        ProxySshServer second = new ProxySshServer(context.context(), java.util.Map.of(),
                TestHub.settings(TestHub.tempDir()), TestHub.cas(), TestHub.cas(), proxy.registry, proxy.tunnels,
                proxy.access, proxy.policies, proxy.audit, "h", java.time.Clock.systemUTC());
        assertThat(proxy.policies.subscribers()).isEqualTo(2);
        second.deactivate();
        assertThat(proxy.policies.subscribers()).isOne();
    }

    /** Logs in and fails; gives the banners the proxy sent. */
    private BlockingQueue<String> refusedLogin(String name, TestHub.UserIdentity user) {
        BlockingQueue<String> banners = new LinkedBlockingQueue<>();
        assertThatThrownBy(() -> {
            ClientSession session = client.connect(proxy.port(), name);
            session.setUserInteraction(bannerCollector(banners));
            session.addPublicKeyIdentity(user.keyPair());
            try (session) {
                session.auth().verify(ProxyClient.GUARD);
            }
        }).isInstanceOf(SshException.class);
        return banners;
    }

    private static Lock lock(String id, LockTargetKind kind, String value, String message) {
        return new Lock(id, new LockTarget(kind, value), message, null, "admin", Instant.now());
    }

    /** What the proxy says when it disconnects the session. */
    private static BlockingQueue<String> disconnects(ClientSession session) {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        session.addSessionListener(new SessionListener() {
            @Override
            public void sessionDisconnect(Session s, int reason, String message, String language,
                    boolean initiator) {
                if (!initiator) {
                    messages.add(message);
                }
            }
        });
        return messages;
    }

    private static void awaitText(ByteArrayOutputStream out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + ProxyClient.GUARD.toNanos();
        while (!out.toString(StandardCharsets.US_ASCII).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("\"" + text + "\" never came; got " + out);
            }
            Thread.sleep(20);
        }
    }

    private static UserInteraction bannerCollector(BlockingQueue<String> banners) {
        return new UserInteraction() {
            @Override
            public void welcome(ClientSession session, String banner, String lang) {
                banners.add(banner);
            }

            @Override
            public String[] interactive(ClientSession session, String name, String instruction, String lang,
                    String[] prompt, boolean[] echo) {
                return null;
            }

            @Override
            public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
                return null;
            }
        };
    }
}
