package org.mezite.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The user and host CA of each cluster; private keys arrive and leave encrypted. */
@ProviderType
public interface CertificateAuthorityRepository {

    /** @throws ConflictException when the cluster already has a CA of this type */
    CertificateAuthority create(CaType type, String clusterName, String publicKey, byte[] encryptedPrivateKey);

    Optional<CertificateAuthority> find(String clusterName, CaType type);

    /** Every CA, by cluster name and type. */
    List<CertificateAuthority> list();

    /** False when there was no such CA. */
    boolean delete(String id);
}
