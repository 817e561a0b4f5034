package org.mezite.api.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate authority key pair of a cluster. {@link #toString()} leaves out the private key.
 *
 * @param id                  stable id (a UUID)
 * @param type                user or host CA
 * @param clusterName         the cluster the CA belongs to
 * @param publicKey           the public key in OpenSSH authorized_keys format
 * @param encryptedPrivateKey the private key as encrypted by the caller
 * @param createdAt           when the CA was created
 */
public record CertificateAuthority(String id, CaType type, String clusterName, String publicKey,
        byte[] encryptedPrivateKey, Instant createdAt) {

    public CertificateAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(publicKey, "publicKey");
        encryptedPrivateKey = Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey").clone();
    }

    /** The encrypted private key (a copy). */
    @Override
    public byte[] encryptedPrivateKey() {
        return encryptedPrivateKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateAuthority c && id.equals(c.id) && type == c.type
                && clusterName.equals(c.clusterName) && publicKey.equals(c.publicKey)
                && Arrays.equals(encryptedPrivateKey, c.encryptedPrivateKey) && Objects.equals(createdAt, c.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, clusterName, publicKey, createdAt);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[id=" + id + ", type=" + type.id() + ", clusterName=" + clusterName
                + ", publicKey=" + publicKey + ", privateKey=****, createdAt=" + createdAt + "]";
    }
}
