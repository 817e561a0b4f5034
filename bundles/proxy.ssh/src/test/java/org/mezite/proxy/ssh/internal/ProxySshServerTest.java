package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.junit.jupiter.api.Test;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;

class ProxySshServerTest {

    @Test
    void publishesTheBoundAddressAsTheProxySshListenerWhileItListens() throws Exception {
        RunningProxy proxy = new RunningProxy();
        try {
            assertThat(proxy.context.live()).singleElement().satisfies(registration -> {
                assertThat(registration.type()).isEqualTo(Listener.class);
                Listener listener = (Listener) registration.service();
                assertThat(listener.name()).isEqualTo("proxy-ssh");
                assertThat(listener.protocol()).isEqualTo("ssh");
                assertThat(listener.address().getPort()).isEqualTo(proxy.port()).isPositive();
                assertThat(registration.properties()).containsEntry("mezite.listener.name", "proxy-ssh");
            });
        } finally {
            proxy.close();
        }
        assertThat(proxy.context.live()).isEmpty();
    }

    @Test
    void doesNotListenWhenTheHubRunsOnlyAuth() throws Exception {
        try (RunningProxy proxy = new RunningProxy()) {
            RecordingBundleContext context = new RecordingBundleContext("0.1.0");
            ProxySshServer authOnly = new ProxySshServer(context.context(), Map.of(),
                    TestHub.settings(Set.of(HubRole.AUTH), TestHub.tempDir()), TestHub.cas(), TestHub.cas(),
                    proxy.registry, proxy.tunnels, proxy.access, proxy.policies, proxy.audit, "h",
                    java.time.Clock.systemUTC());
            assertThat(authOnly.address()).isNull();
            assertThat(context.live()).isEmpty();
            authOnly.deactivate();
        }
    }

    @Test
    void presentsAHostCertificateFromTheHostCaForItsNames() throws Exception {
        Path dataDir = TestHub.tempDir();
        try (RunningProxy proxy = new RunningProxy(dataDir, Map.of("public_addr", "ssh.example.com:443"), null);
                ProxyClient client = ProxyClient.start();
                ClientSession session = client.login(proxy.port(), "alice", TestHub.alice().keyPair())) {
            // the client's verifier accepted only a host certificate of the cluster's host CA
            OpenSshCertificate presented = (OpenSshCertificate) session.getServerKey();
            assertThat(presented.getType()).isEqualTo(OpenSshCertificate.Type.HOST);
            assertThat(KeyUtils.compareKeys(presented.getCaPubKey(), TestHub.hostCaKey())).isTrue();
            assertThat(presented.getPrincipals()).containsExactly(TestHub.CLUSTER, "proxy-host.example",
                    "ssh.example.com", "127.0.0.1", "localhost", "::1");
            SshCertificate described = proxy.server.hostCertificate();
            assertThat(described.validBefore()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
        }
    }

    @Test
    void aNewPublicAddressGetsANewHostCertificateWithoutDroppingConnections() throws Exception {
        try (RunningProxy proxy = new RunningProxy(TestHub.tempDir(), Map.of("public_addr", "old.example.com"), null);
                ProxyClient client = ProxyClient.start();
                ClientSession before = client.login(proxy.port(), "alice", TestHub.alice().keyPair())) {
            proxy.server.modified(Map.of("public_addr", "new.example.com:3080"));
            assertThat(proxy.server.hostCertificate().principals()).contains("new.example.com")
                    .doesNotContain("old.example.com");
            assertThat(ProxyClient.exec(before, "ls").exitStatus()).isZero();
            try (ClientSession after = client.login(proxy.port(), "alice", TestHub.alice().keyPair())) {
                assertThat(((OpenSshCertificate) after.getServerKey()).getPrincipals()).contains("new.example.com");
            }
        }
    }

    @Test
    void keepsItsHostKeyInTheDataDirectoryAcrossRestarts() throws Exception {
        Path dataDir = TestHub.tempDir();
        Path keyFile = dataDir.resolve("proxy").resolve("ssh_host_ed25519_key");
        PublicKey first;
        try (RunningProxy proxy = new RunningProxy(dataDir, Map.of(), null);
                ProxyClient client = ProxyClient.start();
                ClientSession session = client.login(proxy.port(), "alice", TestHub.alice().keyPair())) {
            first = ((OpenSshCertificate) session.getServerKey()).getCertPubKey();
        }
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(Path.of(keyFile + ".pub"))).startsWith("ssh-ed25519 ");
        try (RunningProxy proxy = new RunningProxy(dataDir, Map.of(), null);
                ProxyClient client = ProxyClient.start();
                ClientSession session = client.login(proxy.port(), "alice", TestHub.alice().keyPair())) {
            assertThat(KeyUtils.compareKeys(((OpenSshCertificate) session.getServerKey()).getCertPubKey(), first))
                    .isTrue();
        }
    }

    @Test
    void refusesToStartWithAnUnreadableHostKeyAndSaysWhichFile() throws Exception {
        Path dataDir = TestHub.tempDir();
        Path keyFile = dataDir.resolve("proxy").resolve("ssh_host_ed25519_key");
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "not a key\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunningProxy(dataDir, Map.of(), null))
                .hasMessageContaining(keyFile.toString()).hasMessageContaining("move it away");
    }
}
