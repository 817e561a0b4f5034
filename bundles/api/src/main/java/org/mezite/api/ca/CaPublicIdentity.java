package org.mezite.api.ca;

import java.security.cert.X509Certificate;
import java.util.Objects;

import org.mezite.api.store.CaType;

/**
 * What a CA publishes: its SSH public key and its self-signed X.509 certificate (same Ed25519 key), with the digests
 * people compare them by.
 *
 * @param type           user or host CA
 * @param clusterName    the cluster the CA belongs to
 * @param authorizedKey  the SSH public key in authorized_keys format ({@code ssh-ed25519 AAAA... comment}); one line
 *                       of a {@code TrustedUserCAKeys} file for the user CA
 * @param sshFingerprint OpenSSH's fingerprint of the SSH key, {@code SHA256:} and unpadded base64, as
 *                       {@code ssh-keygen -l} prints it
 * @param certificate    the CA's X.509 certificate, a trust anchor for TLS peers
 * @param certificatePem the same in PEM
 * @param tlsPin         {@code sha256:} and the hex SHA-256 of the certificate's SubjectPublicKeyInfo, for
 *                       {@code msh --ca-pin}
 */
public record CaPublicIdentity(CaType type, String clusterName, String authorizedKey, String sshFingerprint,
        X509Certificate certificate, String certificatePem, String tlsPin) {

    public CaPublicIdentity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(authorizedKey, "authorizedKey");
        Objects.requireNonNull(sshFingerprint, "sshFingerprint");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(tlsPin, "tlsPin");
    }

    /**
     * A known_hosts line that makes an OpenSSH client trust host certificates of this (host) CA.
     *
     * @param hostPatterns known_hosts host patterns, comma separated, e.g. {@code *.example.com,[10.0.0.5]:3022}
     * @throws IllegalStateException for the user CA, which does not sign host certificates
     */
    public String certAuthorityLine(String hostPatterns) {
        if (type != CaType.HOST) {
            throw new IllegalStateException("the " + type.id() + " CA does not sign host certificates;"
                    + " @cert-authority lines name the host CA");
        }
        if (hostPatterns == null || hostPatterns.isBlank() || hostPatterns.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("host patterns must be one non-empty word without spaces, got \""
                    + hostPatterns + "\"");
        }
        return "@cert-authority " + hostPatterns + " " + authorizedKey;
    }
}
