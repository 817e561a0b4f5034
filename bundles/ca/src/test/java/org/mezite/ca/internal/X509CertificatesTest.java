package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;

/** X.509 certificates from the CAs, checked with the JDK's own certificate and TLS code. */
class X509CertificatesTest {

    private static final Instant NOW = Instant.parse("2031-01-02T03:04:05Z");

    private final CertificateAuthorityService cas = TestCas.start();

    @Test
    void eachCaHasASelfSignedEd25519CaCertificateAndAPinOfItsKey() throws Exception {
        for (CaType type : CaType.values()) {
            CaPublicIdentity ca = cas.authority(type);
            X509Certificate certificate = ca.certificate();

            certificate.verify(certificate.getPublicKey());
            assertThat(certificate.getSigAlgName()).isEqualTo("Ed25519");
            assertThat(certificate.getSubjectX500Principal().getName())
                    .isEqualTo("CN=Mezite " + type.id() + " CA,O=test-cluster");
            assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
            assertThat(certificate.getBasicConstraints()).isZero();
            assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
            assertThat(ca.tlsPin()).isEqualTo("sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded())));
            assertThat(parse(ca.certificatePem())).isEqualTo(certificate);
            // the same key as the SSH CA
            byte[] raw = Arrays.copyOfRange(certificate.getPublicKey().getEncoded(), 12, 44);
            assertThat(ca.authorizedKey()).startsWith(sshEd25519(raw));
        }
    }

    @Test
    void aClientCertificateForAnSshKey() throws Exception {
        CertificateAuthorityService atNow = TestCas.start(new InMemoryCertificateAuthorityRepository(),
                Map.of(CaSettings.USER_MAX_TTL, "1h"), Clock.fixed(NOW, ZoneOffset.UTC));
        KeyPair client = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        IssuedX509Certificate issued = atNow.issue(sshPublicKey(client) + " alice@laptop", new X509CertificateRequest(
                CaType.USER, "alice", List.of("access", "dev"), List.of(), List.of(), Set.of(TlsUsage.CLIENT),
                Duration.ofHours(8)));
        X509Certificate certificate = issued.certificate();

        certificate.verify(atNow.authority(CaType.USER).certificate().getPublicKey());
        assertThat(certificate.getPublicKey()).isEqualTo(client.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=dev,O=access");
        assertThat(certificate.getIssuerX500Principal().getName()).isEqualTo("CN=Mezite user CA,O=test-cluster");
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(60));
        assertThat(certificate.getNotAfter().toInstant()).as("cut to user_cert_max_ttl")
                .isEqualTo(NOW.plusSeconds(3600));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getSubjectAlternativeNames()).isNull();
        assertThat(issued.chain()).containsExactly(certificate, atNow.authority(CaType.USER).certificate());
        assertThat(issued.chainPem()).isEqualTo(issued.certificatePem()
                + atNow.authority(CaType.USER).certificatePem());
    }

    @Test
    void aGeneratedServerIdentityNamesItsHostsAndHoldsAMatchingKey() throws Exception {
        TlsIdentity identity = cas.generate(new X509CertificateRequest(CaType.HOST, "proxy", List.of(),
                List.of("proxy.example.com", "*.proxy.example.com", "localhost"), List.of("127.0.0.1", "::1"),
                Set.of(TlsUsage.SERVER), Duration.ofDays(7)));
        X509Certificate certificate = identity.certificate().certificate();

        certificate.verify(cas.authority(CaType.HOST).certificate().getPublicKey());
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
                .containsExactly("proxy.example.com", "*.proxy.example.com", "localhost", "127.0.0.1",
                        "0:0:0:0:0:0:0:1");
        PrivateKey fromPem = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64
                .getMimeDecoder().decode(identity.privateKeyPem().replaceAll("-----[A-Z ]+-----", ""))));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(fromPem);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(certificate.getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();
        assertThat(identity.toString()).contains("privateKey=****").doesNotContain(identity.privateKeyPem());
    }

    @Test
    void mutualTlsBetweenAHostCaServerAndAUserCaClient() throws Exception {
        TlsIdentity server = cas.generate(new X509CertificateRequest(CaType.HOST, "auth", List.of(), List.of(
                "localhost"), List.of("127.0.0.1"), Set.of(TlsUsage.SERVER), Duration.ofHours(1)));
        KeyPair clientKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        IssuedX509Certificate client = cas.issue(sshPublicKey(clientKey), new X509CertificateRequest(CaType.USER,
                "alice", List.of("access"), List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));

        SSLContext serverTls = tls(server.privateKey(), server.certificate().chain(), cas.authority(CaType.USER));
        SSLContext clientTls = tls(clientKey.getPrivate(), client.chain(), cas.authority(CaType.HOST));

        assertThat(handshake(serverTls, clientTls)).isEqualTo("CN=alice,O=access");
    }

    @Test
    void aClientCertificateFromAnotherCaWithTheSameNameIsRefused() throws Exception {
        TlsIdentity server = cas.generate(new X509CertificateRequest(CaType.HOST, "auth", List.of(), List.of(),
                List.of("127.0.0.1"), Set.of(TlsUsage.SERVER), Duration.ofHours(1)));
        CertificateAuthorityService other = TestCas.start();
        KeyPair clientKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        IssuedX509Certificate foreign = other.issue(sshPublicKey(clientKey), new X509CertificateRequest(CaType.USER,
                "mallory", List.of(), List.of(), List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));

        SSLContext serverTls = tls(server.privateKey(), server.certificate().chain(), cas.authority(CaType.USER));
        SSLContext clientTls = tls(clientKey.getPrivate(), foreign.chain(), cas.authority(CaType.HOST));

        assertThatThrownBy(() -> handshake(serverTls, clientTls))
                .hasMessageContaining("SSLHandshakeException: PKIX path validation failed");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        String key = sshPublicKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        String sk = "sk-ssh-ed25519@openssh.com " + Base64.getEncoder().encodeToString(new SshWriter()
                .string("sk-ssh-ed25519@openssh.com").string(new byte[32]).string("ssh:").toByteArray());

        assertRefused(key, request(CaType.USER, "alice", List.of(), List.of(), Set.of()),
                "usages: at least one of SERVER, CLIENT is required");
        assertRefused(key, request(null, "alice", List.of(), List.of(), Set.of(TlsUsage.CLIENT)),
                "authority: is required");
        assertRefused(key, request(CaType.HOST, "x".repeat(65), List.of(), List.of(), Set.of(TlsUsage.SERVER)),
                "commonName: is longer than 64 characters");
        assertRefused(key, request(CaType.HOST, "proxy", List.of("bad_name.example"), List.of(),
                Set.of(TlsUsage.SERVER)), "dnsNames: \"bad_name.example\" is not a DNS name");
        assertRefused(key, request(CaType.HOST, "proxy", List.of(), List.of("example.com"), Set.of(TlsUsage.SERVER)),
                "ipAddresses: \"example.com\" is not an IP address");
        assertRefused(sk, request(CaType.USER, "alice", List.of(), List.of(), Set.of(TlsUsage.CLIENT)),
                "publicKey: \"sk-ssh-ed25519@openssh.com\" keys live on security keys, which cannot do TLS; use an"
                        + " Ed25519, ECDSA or RSA key");
        assertThatThrownBy(() -> cas.generate(request(CaType.HOST, "", List.of(), List.of(), Set.of(TlsUsage.SERVER))))
                .isInstanceOf(InvalidCertificateRequestException.class).hasMessage("commonName: must not be empty");
    }

    private void assertRefused(String key, X509CertificateRequest request, String message) {
        assertThatThrownBy(() -> cas.issue(key, request)).isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessage(message);
    }

    private static X509CertificateRequest request(CaType authority, String commonName, List<String> dnsNames,
            List<String> ipAddresses, Set<TlsUsage> usages) {
        return new X509CertificateRequest(authority, commonName, List.of(), dnsNames, ipAddresses, usages,
                Duration.ofHours(1));
    }

    /** TLS 1.3 on loopback with client authentication required; returns the client's subject as the server saw it. */
    private static String handshake(SSLContext serverTls, SSLContext clientTls) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.startHandshake();
                    String peer = ((X509Certificate) socket.getSession().getPeerCertificates()[0])
                            .getSubjectX500Principal().getName();
                    socket.getOutputStream().write(1);
                    return peer;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            IOException clientFailure = null;
            try (SSLSocket socket = (SSLSocket) clientTls.getSocketFactory().createSocket(
                    InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.read()).isEqualTo(1);
            } catch (IOException e) {
                clientFailure = e; // a refused client may see an alert or a closed socket; the server says why
            }
            String peer = seen.get(60, TimeUnit.SECONDS);
            if (clientFailure != null) {
                throw clientFailure;
            }
            return peer;
        }
    }

    private static SSLContext tls(PrivateKey key, List<X509Certificate> chain, CaPublicIdentity trusted)
            throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("identity", key, new char[0], chain.toArray(X509Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, new char[0]);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", trusted.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The JDK key in OpenSSH format: its X.509 encoding is a fixed 12-byte prefix and the 32-byte point. */
    static String sshPublicKey(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return sshEd25519(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private static String sshEd25519(byte[] raw) {
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(
                new SshWriter().string("ssh-ed25519").string(raw).toByteArray());
    }
}
