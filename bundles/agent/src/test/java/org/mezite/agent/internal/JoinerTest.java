package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.store.CaType;

class JoinerTest {

    private FakeHub hub;

    @AfterEach
    void stop() throws InterruptedException {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void joinsWithTheTokenAndTakesTheCertificatesForItsOwnKeys() throws Exception {
        hub = FakeHub.start();

        NodeIdentity identity = new Joiner(hub.address(), hub.pin(), Clock.systemUTC())
                .join(FakeHub.TOKEN, "node-01", Map.of("env", "test"), "0.1.0");

        assertThat(identity.nodeId()).isEqualTo("node-id-1");
        assertThat(identity.clusterName()).isEqualTo(FakeHub.CLUSTER);
        assertThat(identity.hostKey().getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(identity.hostCertificate()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(identity.tlsCertificate().getPublicKey()).isEqualTo(identity.tlsKey().getPublic());
        assertThat(identity.tlsChain()).hasSize(2);
        assertThat(identity.hostCa()).isEqualTo(hub.ca.authority(CaType.HOST).certificate());
        assertThat(identity.userCaPublicKey()).isEqualTo(hub.ca.authority(CaType.USER).authorizedKey());
        assertThat(identity.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void aHubWhoseCaIsNotThePinnedOneIsRefusedForGood() throws Exception {
        hub = FakeHub.start();
        CaPin other = CaPin.of(TestCa.of("another-cluster").authority(CaType.HOST).certificate());

        assertThatThrownBy(() -> new Joiner(hub.address(), other, Clock.systemUTC())
                .join(FakeHub.TOKEN, "node-01", Map.of(), "0.1.0"))
                .isInstanceOfSatisfying(JoinException.class, e -> assertThat(e.isFatal()).isTrue())
                .hasMessage("the hub's CA does not match ca_pin " + other + " (the hub's CA is " + hub.pin() + ")");
        assertThat(hub.heartbeats).isEmpty();
    }

    @Test
    void aRefusedTokenIsFinalWithTheHubsReason() throws Exception {
        hub = FakeHub.start();
        Joiner joiner = new Joiner(hub.address(), hub.pin(), Clock.systemUTC());
        joiner.join(FakeHub.TOKEN, "node-01", Map.of(), "0.1.0");

        assertThatThrownBy(() -> joiner.join(FakeHub.TOKEN, "node-02", Map.of(), "0.1.0"))
                .isInstanceOfSatisfying(JoinException.class, e -> assertThat(e.isFatal()).isTrue())
                .hasMessage("the hub refused to let this node join: join token already used");
        assertThatThrownBy(() -> joiner.join("cd".repeat(32), "node-02", Map.of(), "0.1.0"))
                .hasMessage("the hub refused to let this node join: unknown join token");
    }

    @Test
    void aHubThatCannotBeReachedIsWorthAnotherTry() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CaPin pin = CaPin.of(TestCa.of(FakeHub.CLUSTER).authority(CaType.HOST).certificate());

        assertThatThrownBy(() -> new Joiner(new HostPort("127.0.0.1", port), pin, Clock.systemUTC())
                .join(FakeHub.TOKEN, "node-01", Map.of(), "0.1.0"))
                .isInstanceOfSatisfying(JoinException.class, e -> assertThat(e.isFatal()).isFalse())
                .hasMessageStartingWith("cannot join through hub 127.0.0.1:" + port + ": UNAVAILABLE");
    }

    @Test
    void caPinsAreParsedAsPrinted() {
        String hex = "0123456789abcdef".repeat(4);
        assertThat(CaPin.parse(" SHA256:" + hex.toUpperCase() + " ").value()).isEqualTo("sha256:" + hex);
        assertThatThrownBy(() -> CaPin.parse("sha256:abc")).hasMessage("\"sha256:abc\" must be sha256: and 64 hex digits");
    }
}
