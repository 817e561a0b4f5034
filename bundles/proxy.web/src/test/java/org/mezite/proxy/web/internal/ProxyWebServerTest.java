package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.CaType;

class ProxyWebServerTest {

    @Test
    void servesHttpsWithACertificateFromTheHostCaForTheLoopbackNames() throws Exception {
        try (RunningProxy proxy = new RunningProxy()) {
            ApiClient.Reply reply = proxy.client.get("/v1/ping");

            assertThat(reply.status()).isEqualTo(200);
            X509Certificate leaf = (X509Certificate) reply.tls().getPeerCertificates()[0];
            assertThat(leaf.getIssuerX500Principal())
                    .isEqualTo(proxy.cas.authority(CaType.HOST).certificate().getSubjectX500Principal());
            assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
            assertThat(reply.tls().getPeerCertificates()).as("the chain ends with the CA, so msh can pin it")
                    .hasSize(2);
            // the host name is checked too: localhost is in the certificate
            ApiClient byName = new ApiClient(proxy.cas.authority(CaType.HOST).certificate(), "localhost",
                    proxy.address.getPort());
            assertThat(byName.get("/v1/ping").status()).isEqualTo(200);
        }
    }

    @Test
    void aClientTrustingAnotherCaRefusesTheConnection() throws Exception {
        try (RunningProxy proxy = new RunningProxy()) {
            ApiClient trustsUserCa = new ApiClient(proxy.cas.authority(CaType.USER).certificate(), "127.0.0.1",
                    proxy.address.getPort());

            assertThatThrownBy(() -> trustsUserCa.get("/v1/ping")).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void pingTellsTheClusterVersionAddressesAndCaPins() throws Exception {
        try (RunningProxy proxy = new RunningProxy()) {
            ApiClient.Reply reply = proxy.client.get("/v1/ping");

            assertThat(reply.body().get("cluster").asText()).isEqualTo(TestHub.CLUSTER);
            assertThat(reply.body().get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(reply.body().get("proxy_public_addr").asText())
                    .isEqualTo("127.0.0.1:" + proxy.address.getPort());
            assertThat(reply.body().get("proxy_ssh_addr").asText()).isEqualTo("127.0.0.1:3023");
            assertThat(reply.body().get("certificate_authorities")).hasSize(2);
            assertThat(reply.body().get("certificate_authorities").get(1).get("type").asText()).isEqualTo("host");
            assertThat(reply.body().get("certificate_authorities").get(1).get("tls_pin").asText())
                    .isEqualTo(proxy.cas.authority(CaType.HOST).tlsPin());
            assertThat(reply.body().get("certificate_authorities").get(0).get("ssh_fingerprint").asText())
                    .isEqualTo(proxy.cas.authority(CaType.USER).sshFingerprint());
            assertThat(reply.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(reply.headers().firstValue("Server")).isEmpty();
        }
    }

    @Test
    void aConfiguredPublicAddressIsInTheCertificateAndThePing() throws Exception {
        try (RunningProxy proxy = new RunningProxy(TestHub.settings(),
                RunningProxy.config("proxy.example.com:443, 10.1.2.3", "", ""))) {
            ApiClient.Reply reply = proxy.client.get("/v1/ping");

            assertThat(reply.body().get("proxy_public_addr").asText()).isEqualTo("proxy.example.com:443");
            assertThat(reply.body().get("proxy_ssh_addr").asText()).isEqualTo("proxy.example.com:3023");
            X509Certificate leaf = (X509Certificate) reply.tls().getPeerCertificates()[0];
            assertThat(leaf.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                    .contains("proxy.example.com", "10.1.2.3", "localhost", "127.0.0.1");
        }
    }

    @Test
    void publishesTheBoundAddressAsAListenerUntilDeactivated() throws Exception {
        RunningProxy proxy = new RunningProxy();
        assertThat(proxy.bundle.live()).singleElement().satisfies(registration -> {
            assertThat(registration.type()).isEqualTo(Listener.class);
            Listener listener = (Listener) registration.service();
            assertThat(listener.name()).isEqualTo("proxy-web");
            assertThat(listener.protocol()).isEqualTo("https");
            assertThat(listener.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(listener.address().getPort()).isPositive();
            assertThat(registration.properties()).containsEntry("mezite.listener.name", "proxy-web")
                    .containsEntry("mezite.listener.protocol", "https");
        });

        proxy.close();

        assertThat(proxy.bundle.live()).isEmpty();
        assertThatThrownBy(() -> new Socket(proxy.address.getAddress(), proxy.address.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void doesNotListenWhenThisHubDoesNotRunTheProxy() throws Exception {
        try (ServerSocket taken = takenLoopbackPort(); RunningProxy proxy = new RunningProxy(
                TestHub.settings(Set.of(HubRole.AUTH), new InetSocketAddress("127.0.0.1",
                        taken.getLocalPort())), RunningProxy.config("", "", ""))) {
            assertThat(proxy.bundle.live()).isEmpty();
        }
    }

    @Test
    void aPortInUseFailsActivationWithTheAddressAndTheSettingInTheMessage() throws IOException {
        try (ServerSocket taken = takenLoopbackPort()) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> new RunningProxy(TestHub.settings(Set.of(HubRole.PROXY), address),
                    RunningProxy.config("", "", "")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("proxy-web: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("(proxy.web.listen)");
        }
    }

    @Test
    void aBadSettingFailsActivationNamingTheFileAndKey() {
        assertThatThrownBy(() -> new RunningProxy(TestHub.settings(), RunningProxy.config("proxy:99999", "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etc/org.mezite.proxy.web.cfg: public_addr: \"proxy:99999\": the port must be a number"
                        + " from 1 to 65535");
        assertThatThrownBy(() -> new RunningProxy(TestHub.settings(), RunningProxy.config("", "cert.pem", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etc/org.mezite.proxy.web.cfg: tls_key_file: tls_cert_file and tls_key_file go together:"
                        + " set both or neither");
    }

    private static ServerSocket takenLoopbackPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
