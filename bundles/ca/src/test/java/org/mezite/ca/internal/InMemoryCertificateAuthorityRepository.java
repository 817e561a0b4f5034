package org.mezite.ca.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.api.store.ConflictException;

/** The store's CA table in memory, with its unique (cluster, type) constraint. */
class InMemoryCertificateAuthorityRepository implements CertificateAuthorityRepository {

    private final Map<String, CertificateAuthority> rows = new ConcurrentHashMap<>();

    @Override
    public synchronized CertificateAuthority create(CaType type, String clusterName, String publicKey,
            byte[] encryptedPrivateKey) {
        if (find(clusterName, type).isPresent()) {
            throw new ConflictException(type.id() + " CA of cluster \"" + clusterName + "\" already exists");
        }
        CertificateAuthority ca = new CertificateAuthority(UUID.randomUUID().toString(), type, clusterName, publicKey,
                encryptedPrivateKey, Instant.ofEpochMilli(System.currentTimeMillis()));
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
        List<CertificateAuthority> all = new ArrayList<>(rows.values());
        all.sort(Comparator.comparing(CertificateAuthority::clusterName).thenComparing(CertificateAuthority::type));
        return all;
    }

    @Override
    public boolean delete(String id) {
        return rows.remove(id) != null;
    }

    /** Replaces a row as a database administrator (or an attacker with write access) could. */
    void replace(CertificateAuthority row) {
        rows.put(row.id(), row);
    }
}
