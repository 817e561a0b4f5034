package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;

@Entity
@Table(name = "certificate_authorities")
public class CertificateAuthorityEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "cluster_name", nullable = false, updatable = false)
    private String clusterName;

    @Column(name = "public_key", nullable = false, updatable = false)
    private String publicKey;

    @Column(name = "private_key", nullable = false, updatable = false)
    private byte[] privateKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected CertificateAuthorityEntity() {
    }

    public CertificateAuthorityEntity(String id, CaType type, String clusterName, String publicKey,
            byte[] encryptedPrivateKey, long now) {
        this.id = id;
        this.type = type.id();
        this.clusterName = clusterName;
        this.publicKey = publicKey;
        this.privateKey = encryptedPrivateKey.clone();
        this.createdAt = now;
    }

    public CertificateAuthority toRecord() {
        return new CertificateAuthority(id, CaType.fromId(type), clusterName, publicKey, privateKey,
                Times.instant(createdAt));
    }
}
