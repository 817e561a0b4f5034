package org.mezite.agent.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mezite.proto.auth.v1.JoinRequest;
import org.mezite.proto.auth.v1.JoinResponse;
import org.mezite.proto.auth.v1.NodeCredentials;
import org.mezite.proto.auth.v1.NodeServiceGrpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Joins the node to the cluster with a one-time token: makes the node's keys, checks that the hub is the cluster's
 * (its CA matches {@code ca_pin}), sends the token with the public keys and takes back the node id and certificates.
 */
final class Joiner {

    static final Duration CALL_DEADLINE = Duration.ofSeconds(30);

    private final HostPort hub;
    private final CaPin pin;
    private final Clock clock;

    Joiner(HostPort hub, CaPin pin, Clock clock) {
        this.hub = hub;
        this.pin = pin;
        this.clock = clock;
    }

    /**
     * @throws JoinException saying why; {@link JoinException#isFatal()} when trying again cannot help
     */
    NodeIdentity join(String token, String nodeName, Map<String, String> labels, String version)
            throws JoinException {
        KeyPair hostKey = generate("Ed25519", null);
        KeyPair tlsKey = generate("EC", new ECGenParameterSpec("secp256r1"));
        try (HubChannel hubChannel = HubChannels.forJoining(hub, pin, clock)) {
            JoinResponse joined = NodeServiceGrpc.newBlockingStub(hubChannel.channel())
                    .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .join(JoinRequest.newBuilder()
                            .setToken(token)
                            .setNodeName(nodeName)
                            .putAllLabels(labels)
                            .setSshPublicKey(OpenSshKeys.format(hostKey.getPublic()))
                            .setTlsPublicKey(OpenSshKeys.format(tlsKey.getPublic()))
                            .setVersion(version)
                            .build());
            return identity(joined, hostKey, tlsKey);
        } catch (StatusRuntimeException e) {
            throw failure(e);
        }
    }

    private NodeIdentity identity(JoinResponse joined, KeyPair hostKey, KeyPair tlsKey) throws JoinException {
        NodeCredentials credentials = joined.getCredentials();
        try {
            X509Certificate hostCa = Pem.readCertificates(credentials.getHostCaCertificate()).get(0);
            if (!pin.matches(hostCa)) {
                throw new JoinException("the hub's CA does not match ca_pin " + pin + " (the hub named a CA with pin "
                        + CaPin.of(hostCa) + ")", true, null);
            }
            List<X509Certificate> chain = Pem.readCertificates(credentials.getTlsCertificateChain());
            if (!chain.get(0).getPublicKey().equals(tlsKey.getPublic())) {
                throw new JoinException("the hub certified another TLS key than this node's", true, null);
            }
            return new NodeIdentity(joined.getNodeId(), joined.getClusterName(), hostKey,
                    credentials.getHostCertificate(), instant(credentials.getHostCertificateExpires()), tlsKey, chain,
                    hostCa, credentials.getUserCaPublicKey());
        } catch (CertificateException e) {
            throw new JoinException("the hub's answer holds no usable certificate: " + e.getMessage(), true, e);
        }
    }

    /** Refusals and a CA that does not match are final; anything else may pass (hub starting, network down). */
    private JoinException failure(StatusRuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CaPinMismatchException mismatch) {
                return new JoinException(mismatch.getMessage(), true, e);
            }
        }
        Status.Code code = e.getStatus().getCode();
        String description = e.getStatus().getDescription();
        boolean fatal = code == Status.Code.PERMISSION_DENIED || code == Status.Code.INVALID_ARGUMENT
                || code == Status.Code.UNAUTHENTICATED || code == Status.Code.UNIMPLEMENTED;
        if (fatal) {
            return new JoinException("the hub refused to let this node join: " + description, true, e);
        }
        return new JoinException("cannot join through hub " + hub + ": " + HubSession.describe(e), false, e);
    }

    static Instant instant(com.google.protobuf.Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make " + algorithm + " keys: " + e.getMessage(), e);
        }
    }
}
