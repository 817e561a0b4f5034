package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.NewAuditEvent;

class UserAuthenticationTest {

    private static RunningProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new RunningProxy();
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    @Test
    void aUserCertificateOfTheUserCaLogsIn() throws Exception {
        try (ProxyClient client = ProxyClient.start();
                ClientSession session = client.login(proxy.port(), "whatever-name", TestHub.alice().keyPair())) {
            assertThat(session.isAuthenticated()).isTrue();
        }
    }

    @Test
    void aPlainKeyIsRefusedAndAudited() throws Exception {
        TestHub.UserIdentity bob = TestHub.user(TestHub.cas(), "bob", List.of("bob"), Duration.ofHours(1));
        try (ProxyClient client = ProxyClient.start()) {
            assertThatThrownBy(() -> client.login(proxy.port(), "bob", bob.plain()).close())
                    .isInstanceOf(SshException.class);
        }
        NewAuditEvent event = awaitAuthFailure("bob");
        assertThat(event.result()).isEqualTo("failure");
        assertThat(event.clientAddr()).startsWith("127.0.0.1:");
        assertThat(event.metadata()).contains("\"component\":\"proxy\"")
                .contains("a plain ssh-ed25519 key").contains("accepts only Mezite user certificates");
    }

    @Test
    void anExpiredCertificateIsRefusedWithTheReasonAndAudited() throws Exception {
        TestHub.UserIdentity carol = TestHub.user(TestHub.cas(), "carol", List.of("carol"), Duration.ofSeconds(1));
        while (!Instant.now().isAfter(carol.certificate().validBefore())) {
            Thread.sleep(100); // until it has expired: a condition, not a timing assertion
        }
        List<String> banners = new CopyOnWriteArrayList<>();
        try (ProxyClient client = ProxyClient.start(true)) {
            assertThatThrownBy(() -> {
                ClientSession session = client.connect(proxy.port(), "carol");
                session.setUserInteraction(bannerCollector(banners));
                session.addPublicKeyIdentity(carol.keyPair());
                try (session) {
                    session.auth().verify(ProxyClient.GUARD);
                }
            }).isInstanceOf(SshException.class);
        }
        assertThat(banners).anySatisfy(banner -> assertThat(banner).startsWith("mezite proxy: certificate \"carol\"")
                .contains("expired at " + carol.certificate().validBefore()).contains("msh login"));
        NewAuditEvent event = awaitAuthFailure("carol");
        assertThat(event.username()).isEqualTo("carol");
        assertThat(event.metadata()).contains("expired at")
                .contains("\"cert_serial\":\"" + Long.toUnsignedString(carol.certificate().serial()) + "\"");
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedAndAudited() throws Exception {
        TestHub.UserIdentity mallory = TestHub.user(TestHub.foreignCas(), "mallory", List.of("root"),
                Duration.ofHours(1));
        try (ProxyClient client = ProxyClient.start()) {
            assertThatThrownBy(() -> client.login(proxy.port(), "root", mallory.keyPair()).close())
                    .isInstanceOf(SshException.class);
        }
        NewAuditEvent event = awaitAuthFailure("mallory");
        assertThat(event.metadata()).contains("is not signed by the user CA of cluster \\\"test-cluster\\\"");
    }

    @Test
    void aPlainKeyTriedBeforeTheCertificateDoesNotStopTheLogin() throws Exception {
        TestHub.UserIdentity dave = TestHub.user(TestHub.cas(), "dave", List.of("dave"), Duration.ofHours(1));
        try (ProxyClient client = ProxyClient.start()) {
            ClientSession session = client.connect(proxy.port(), "dave");
            session.addPublicKeyIdentity(dave.plain());
            session.addPublicKeyIdentity(dave.keyPair());
            try (session) {
                session.auth().verify(ProxyClient.GUARD);
                assertThat(session.isAuthenticated()).isTrue();
            }
        }
        Thread.sleep(200);
        assertThat(proxy.audit.events("ssh.auth")).noneMatch(event -> "dave".equals(event.username())
                || event.metadata().contains("\"ssh_user\":\"dave\""));
    }

    private static NewAuditEvent awaitAuthFailure(String who) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ProxyClient.GUARD.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (NewAuditEvent event : proxy.audit.events("ssh.auth")) {
                if (who.equals(event.username()) || event.metadata().contains("\"ssh_user\":\"" + who + "\"")) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no ssh.auth event for " + who + ": " + proxy.audit.events("ssh.auth"));
    }

    private static UserInteraction bannerCollector(List<String> banners) {
        return new UserInteraction() {
            @Override
            public void welcome(org.apache.sshd.client.session.ClientSession session, String banner, String lang) {
                banners.add(banner);
            }

            @Override
            public String[] interactive(org.apache.sshd.client.session.ClientSession session, String name,
                    String instruction, String lang, String[] prompt, boolean[] echo) {
                return null;
            }

            @Override
            public String getUpdatedPassword(org.apache.sshd.client.session.ClientSession session, String prompt,
                    String lang) {
                return null;
            }
        };
    }
}
