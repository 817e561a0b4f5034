package org.mezite.store.jpa.internal.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.CertificateAuthorityEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = CertificateAuthorityRepository.class)
public final class JpaCertificateAuthorityRepository implements CertificateAuthorityRepository {

    private final JpaStore store;

    @Activate
    public JpaCertificateAuthorityRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public CertificateAuthority create(CaType type, String clusterName, String publicKey, byte[] encryptedPrivateKey) {
        CertificateAuthorityEntity ca = new CertificateAuthorityEntity(UUID.randomUUID().toString(), type, clusterName,
                publicKey, encryptedPrivateKey, store.now().toEpochMilli());
        return store.write(type.id() + " CA of cluster " + Names.quoted(clusterName), em -> {
            em.persist(ca);
            return ca.toRecord();
        });
    }

    @Override
    public Optional<CertificateAuthority> find(String clusterName, CaType type) {
        return store.read(em -> em.createQuery("SELECT c FROM CertificateAuthorityEntity c"
                + " WHERE c.clusterName = :cluster AND c.type = :type", CertificateAuthorityEntity.class)
                .setParameter("cluster", clusterName).setParameter("type", type.id())
                .getResultStream().findFirst().map(CertificateAuthorityEntity::toRecord));
    }

    @Override
    public List<CertificateAuthority> list() {
        return store.read(em -> em.createQuery("SELECT c FROM CertificateAuthorityEntity c"
                + " ORDER BY c.clusterName, c.type", CertificateAuthorityEntity.class)
                .getResultList().stream().map(CertificateAuthorityEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String id) {
        return store.write("CA " + id, em -> em.createQuery("DELETE FROM CertificateAuthorityEntity c WHERE c.id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }
}
