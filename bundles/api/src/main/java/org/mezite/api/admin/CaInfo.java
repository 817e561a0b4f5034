package org.mezite.api.admin;

import java.util.Objects;

import org.mezite.api.store.CaType;

/**
 * A certificate authority's public side.
 *
 * @param type            user or host
 * @param clusterName     the cluster
 * @param sshPublicKey    the CA's key in OpenSSH format, for {@code TrustedUserCAKeys} / {@code @cert-authority}
 * @param sshFingerprint  {@code SHA256:...} of the SSH key
 * @param tlsPin          {@code sha256:...} of the CA certificate's public key, as {@code mezd --ca-pin} takes it
 * @param certificatePem  the CA's X.509 certificate
 */
public record CaInfo(CaType type, String clusterName, String sshPublicKey, String sshFingerprint, String tlsPin, String certificatePem) {

    public CaInfo {
        Objects.requireNonNull(type, "type");
    }
}
