package org.mezite.admin.remote.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * The cluster's real CAs (the CA bundle's service over an in-memory table), shared by the test classes because they
 * take a moment to make, and the files a user's {@code msh login} or {@code mezite:cert-sign} leaves.
 */
final class TestCa {

    static final String CLUSTER = "test-cluster";

    private static CertificateAuthorityService shared;

    private TestCa() {
    }

    static synchronized CertificateAuthorityService ca() {
        if (shared == null) {
            shared = new CertificateAuthorityService(settings(Set.of(HubRole.AUTH)), new InMemoryCaRepository(),
                    Map.of());
        }
        return shared;
    }

    /** {@code sha256:...} of the host CA, as {@code mezite:status} prints it. */
    static String hostPin() {
        return ca().authority(CaType.HOST).tlsPin();
    }

    static HubSettings settings(Set<HubRole> roles) {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new HubSettings(CLUSTER, roles, loopback, loopback, loopback, loopback, Path.of("data"),
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:data/mezite.db", "", "", 1));
    }

    /**
     * What {@code msh login} writes for the user: {@code dir/USER}, its Ed25519 key in OpenSSH's format, and
     * {@code dir/USER-x509.pem}, the X.509 client certificate on that key.
     *
     * @return the key file; the certificate is {@link #certificateOf(Path)}
     */
    static Path mshLogin(Path dir, String user, List<String> roles, Duration ttl) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] spki = pair.getPublic().getEncoded();
        byte[] point = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        byte[] blob = new Wire().string("ssh-ed25519").string(point).bytes();
        IssuedX509Certificate certificate = ca().issue("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob),
                new X509CertificateRequest(CaType.USER, user, roles, List.of(), List.of(), Set.of(TlsUsage.CLIENT),
                        ttl));
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(point, 0, secret, 32, 32);
        Wire keys = new Wire().uint32(7).uint32(7).string("ssh-ed25519").string(point).string(secret)
                .string(user + "@" + CLUSTER);
        for (int pad = 1; keys.size() % 8 != 0; pad++) {
            keys.raw(new byte[] {(byte) pad});
        }
        byte[] file = new Wire().raw("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII)).string("none")
                .string("none").string(new byte[0]).uint32(1).string(blob).string(keys.bytes()).bytes();
        Path key = dir.resolve(user);
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file)
                + "\n-----END OPENSSH PRIVATE KEY-----\n");
        Files.writeString(certificateOf(key), certificate.certificatePem());
        return key;
    }

    /** What {@code mezite:cert-sign} writes: a PKCS#8 PEM key and the certificate; returns the key file. */
    static Path certSign(Path dir, String user, List<String> roles) throws IOException {
        TlsIdentity identity = ca().generate(new X509CertificateRequest(CaType.USER, user, roles, List.of(),
                List.of(), Set.of(TlsUsage.CLIENT), Duration.ofHours(1)));
        Path key = dir.resolve(user);
        Files.writeString(key, identity.privateKeyPem());
        Files.writeString(certificateOf(key), identity.certificate().certificatePem());
        return key;
    }

    static Path certificateOf(Path key) {
        return key.resolveSibling(key.getFileName() + "-x509.pem");
    }

    /** SSH wire format (RFC 4251): big-endian lengths before strings. */
    private static final class Wire {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Wire uint32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Wire string(String value) {
            return string(value.getBytes(StandardCharsets.US_ASCII));
        }

        Wire string(byte[] value) {
            uint32(value.length);
            return raw(value);
        }

        Wire raw(byte[] value) {
            try {
                out.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
