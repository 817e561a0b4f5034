package org.mezite.agent.internal;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who this node is in its cluster, as it got it by joining: its id, its keys and the certificates for them, and the
 * CAs it trusts. {@link #toString()} leaves the keys out.
 *
 * @param nodeId                 the node id Auth gave it
 * @param clusterName            the cluster it joined
 * @param hostKey                the SSH host key (Ed25519)
 * @param hostCertificate        the OpenSSH host certificate for it, one line
 * @param hostCertificateExpires when the host certificate expires
 * @param tlsKey                 the TLS key (ECDSA P-256)
 * @param tlsChain               the X.509 client certificate for it, then its CA
 * @param hostCa                 the host CA's certificate: what the hub's TLS certificate must chain up to
 * @param userCaPublicKey        the user CA's public key, authorized_keys format
 */
record NodeIdentity(String nodeId, String clusterName, KeyPair hostKey, String hostCertificate,
        Instant hostCertificateExpires, KeyPair tlsKey, List<X509Certificate> tlsChain, X509Certificate hostCa,
        String userCaPublicKey) {

    NodeIdentity {
        tlsChain = List.copyOf(tlsChain);
    }

    X509Certificate tlsCertificate() {
        return tlsChain.get(0);
    }

    /**
     * When to renew: once a third of the certificates' validity is left, so that a hub that is away for a while
     * (up to a third of a validity period) does not strand the node.
     */
    Instant renewalDue() {
        Instant notBefore = tlsCertificate().getNotBefore().toInstant();
        Instant tlsExpires = tlsCertificate().getNotAfter().toInstant();
        Instant expires = tlsExpires.isBefore(hostCertificateExpires) ? tlsExpires : hostCertificateExpires;
        return expires.minus(Duration.between(notBefore, tlsExpires).dividedBy(3));
    }

    /** The same node and keys with renewed certificates. */
    NodeIdentity renewed(String newHostCertificate, Instant newHostCertificateExpires,
            List<X509Certificate> newTlsChain, X509Certificate newHostCa, String newUserCaPublicKey) {
        return new NodeIdentity(nodeId, clusterName, hostKey, newHostCertificate, newHostCertificateExpires, tlsKey,
                newTlsChain, newHostCa, newUserCaPublicKey);
    }

    @Override
    public String toString() {
        return "NodeIdentity[nodeId=" + nodeId + ", clusterName=" + clusterName + ", keys=****, tls certificate until "
                + tlsCertificate().getNotAfter().toInstant() + ", host certificate until " + hostCertificateExpires
                + "]";
    }
}
