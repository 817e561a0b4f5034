package org.mezite.admin.remote.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.api.store.ConflictException;

/** The CA table in memory, for the real CA service of the tests. */
final class InMemoryCaRepository implements CertificateAuthorityRepository {

    private final Map<String, CertificateAuthority> rows = new ConcurrentHashMap<>();

    @Override
    public synchronized CertificateAuthority create(CaType type, String clusterName, String publicKey,
            byte[] encryptedPrivateKey) {
        if (find(clusterName, type).isPresent()) {
            throw new ConflictException(type.id() + " CA exists");
        }
        CertificateAuthority ca = new CertificateAuthority(UUID.randomUUID().toString(), type, clusterName, publicKey,
                encryptedPrivateKey, Instant.now());
        rows.put(ca.id(), ca);
        return ca;
    }

    @Override
    public Optional<CertificateAuthority> find(String clusterName, CaType type) {
        return rows.values().stream().filter(c -> c.clusterName().equals(clusterName) && c.type() == type)
                .findFirst();
    }

    @Override
    public List<CertificateAuthority> list() {
        return List.copyOf(rows.values());
    }

    @Override
    public boolean delete(String id) {
        return rows.remove(id) != null;
    }
}
