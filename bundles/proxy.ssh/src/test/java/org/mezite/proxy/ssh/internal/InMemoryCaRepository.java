package org.mezite.proxy.ssh.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;

/** The store's CA table in memory: enough for the real CA service to make and keep its keys. */
final class InMemoryCaRepository implements CertificateAuthorityRepository {

    private final Map<String, CertificateAuthority> rows = new ConcurrentHashMap<>();

    @Override
    public CertificateAuthority create(CaType type, String clusterName, String publicKey, byte[] encryptedPrivateKey) {
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
