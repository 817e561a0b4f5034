package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;

class PemIdentityTest {

    @TempDir
    Path dir;

    @Test
    void loadsAChainAndItsKey() throws Exception {
        TlsIdentity tls = generate();
        Path cert = Files.writeString(dir.resolve("cert.pem"), tls.certificate().chainPem());
        Path key = Files.writeString(dir.resolve("key.pem"), tls.privateKeyPem());

        ServerIdentity identity = PemIdentity.load(cert, key);

        assertThat(identity.chain()).hasSize(2);
        assertThat(identity.leaf()).isEqualTo(tls.certificate().certificate());
        assertThat(identity.key().getEncoded()).isEqualTo(tls.privateKey().getEncoded());
    }

    @Test
    void refusesAKeyOfAnotherCertificate() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), generate().certificate().chainPem());
        Path key = Files.writeString(dir.resolve("key.pem"), generate().privateKeyPem());

        assertThatThrownBy(() -> PemIdentity.load(cert, key))
                .hasMessage("etc/org.mezite.proxy.web.cfg: tls_key_file: " + key + " is not the key of the first"
                        + " certificate in tls_cert_file");
    }

    @Test
    void explainsFilesItCannotUse() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), generate().certificate().chainPem());
        Path legacy = Files.writeString(dir.resolve("legacy.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n"
                + "-----END EC PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemIdentity.load(dir.resolve("missing.pem"), legacy))
                .hasMessage("etc/org.mezite.proxy.web.cfg: tls_cert_file: " + dir.resolve("missing.pem")
                        + " does not exist");
        assertThatThrownBy(() -> PemIdentity.load(cert, legacy)).hasMessageContaining("tls_key_file: " + legacy
                + " is in a legacy format; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + legacy);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> PemIdentity.load(empty, legacy))
                .hasMessage("etc/org.mezite.proxy.web.cfg: tls_cert_file: no certificate in " + empty);
    }

    @Test
    void theServerPresentsTheConfiguredCertificate() throws Exception {
        TlsIdentity tls = TestHub.cas().generate(new X509CertificateRequest(CaType.HOST, "configured", List.of(),
                List.of("localhost"), List.of("127.0.0.1"), Set.of(TlsUsage.SERVER), Duration.ofHours(1)));
        Files.writeString(dir.resolve("cert.pem"), tls.certificate().chainPem());
        Files.writeString(dir.resolve("key.pem"), tls.privateKeyPem());

        try (RunningProxy proxy = new RunningProxy(TestHub.settings(),
                RunningProxy.config("", dir.resolve("cert.pem").toString(), dir.resolve("key.pem").toString()))) {
            ApiClient.Reply reply = proxy.client.get("/v1/ping");

            assertThat(reply.tls().getPeerCertificates()[0]).isEqualTo(tls.certificate().certificate());
        }
    }

    private static TlsIdentity generate() {
        return TestHub.cas().generate(new X509CertificateRequest(CaType.HOST, "proxy", List.of(), List.of("localhost"),
                List.of(), Set.of(TlsUsage.SERVER), Duration.ofHours(1)));
    }
}
