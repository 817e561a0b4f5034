package org.mezite.admin.remote.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.X509ExtendedTrustManager;

import org.mezite.ca.tls.ClusterServerTrust;

/**
 * Decides whether the server reached is the cluster's Auth server, with the cluster's shared check
 * ({@link ClusterServerTrust}: signed by the CA, valid now, meant for TLS servers), the CA being the one in the
 * server's own chain whose key has the configured pin (what {@code mezite:status} prints as the host CA's TLS pin).
 */
final class PinnedHostCa {

    private PinnedHostCa() {
    }

    /**
     * @param server what the server is, for messages: {@code the Auth server at auth.example.com:3025}
     * @param pin    {@code sha256:} and 64 lower-case hex digits
     */
    static X509ExtendedTrustManager trust(String server, String pin, Clock clock) {
        return new ClusterServerTrust(server, chain -> pinnedIn(server, pin, chain), clock);
    }

    /** {@code sha256:} and the hex SHA-256 of the certificate's SubjectPublicKeyInfo. */
    static String pin(X509Certificate certificate) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static List<X509Certificate> pinnedIn(String server, String pin, X509Certificate[] chain)
            throws CertificateException {
        List<X509Certificate> cas = Arrays.asList(chain).subList(Math.min(1, chain.length), chain.length);
        List<X509Certificate> matching = cas.stream().filter(ca -> pin.equals(pin(ca))).toList();
        if (matching.isEmpty()) {
            String presented = cas.stream().map(PinnedHostCa::pin).collect(Collectors.joining(", "));
            throw new CertificateException(server + ": its CA does not match ca_pin " + pin
                    + (presented.isEmpty() ? " (it sent no CA certificate)" : " (its CA is " + presented + ")"));
        }
        return matching;
    }
}
