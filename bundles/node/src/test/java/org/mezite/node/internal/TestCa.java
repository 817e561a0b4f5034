package org.mezite.node.internal;

import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.apache.sshd.certificate.OpenSshCertificateBuilder;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.mezite.api.node.NodeCredentials;

/**
 * A cluster's two SSH CAs for tests: the User CA signs users' certificates as Mezite's Auth does (principals = logins,
 * key id and {@code mezite-user@mezite.org} = user, roles, permissions), the Host CA the node's host certificate.
 */
final class TestCa {

    static final String CLUSTER = "test-cluster";

    private final KeyPair userCa = ed25519();
    private final KeyPair hostCa = ed25519();
    private final AtomicLong serials = new AtomicLong(1000);

    /** An Ed25519 key pair as MINA makes them (through BouncyCastle), as msh's and the CA's would reach it. */
    static KeyPair ed25519() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Ed25519 key pair made by the JDK, as the agent makes its host key. */
    static KeyPair jdkEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    KeyPair hostCa() {
        return hostCa;
    }

    static String line(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** A user certificate valid for an hour with pty and port forwarding, for {@code logins}. */
    OpenSshCertificate user(KeyPair key, String user, List<String> logins) {
        return user(key, user, logins, b -> b);
    }

    OpenSshCertificate user(KeyPair key, String user, List<String> logins, UnaryOperator<OpenSshCertificateBuilder> more) {
        Map<String, String> extensions = new TreeMap<>();
        extensions.put("permit-pty", "");
        extensions.put("permit-port-forwarding", "");
        extensions.put("mezite-user@mezite.org", user);
        extensions.put("mezite-roles@mezite.org", "access,dev");
        Instant now = Instant.now();
        OpenSshCertificateBuilder builder = OpenSshCertificateBuilder.userCertificate().serial(serials.incrementAndGet())
                .publicKey(key.getPublic()).id(user).principals(logins).extensions(extensions)
                .validAfter(now.minus(Duration.ofMinutes(1))).validBefore(now.plus(Duration.ofHours(1)));
        return sign(more.apply(builder), userCa);
    }

    /** Node credentials with a fresh host key certified for the node's id and name. */
    NodeCredentials node(String nodeId, String nodeName) {
        KeyPair hostKey = jdkEd25519();
        Instant now = Instant.now();
        OpenSshCertificate certificate = sign(OpenSshCertificateBuilder.hostCertificate().serial(1)
                .publicKey(NodeIdentity.forSsh(hostKey).getPublic()).id(nodeId)
                .principals(List.of(nodeId, nodeName, nodeName + "." + CLUSTER))
                .validAfter(now.minus(Duration.ofMinutes(1))).validBefore(now.plus(Duration.ofDays(1))), hostCa);
        return new NodeCredentials(nodeId, nodeName, CLUSTER, Map.of("env", "test"), hostKey, line(certificate),
                List.of(line(userCa.getPublic())), jdkEd25519().getPrivate(), List.of(), hostCaCertificate(),
                java.net.InetSocketAddress.createUnresolved("hub.example", 3024));
    }

    private static OpenSshCertificate sign(OpenSshCertificateBuilder builder, KeyPair ca) {
        try {
            return builder.sign(ca, "ssh-ed25519");
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static X509Certificate hostCaCertificate() {
        try (InputStream in = TestCa.class.getResourceAsStream("host-ca.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
