package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.api.store.ConflictException;
import org.mezite.store.jpa.internal.Stores;

class CertificateAuthorityRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample mezite-user-ca";

    private static CertificateAuthorityRepository cas(DatabaseKind kind) {
        return new JpaCertificateAuthorityRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keepsOneUserAndOneHostCaPerCluster(DatabaseKind kind) {
        String cluster = Unique.name("cluster");
        byte[] sealed = {0, 1, 2, (byte) 0xff, 42};
        CertificateAuthority user = cas(kind).create(CaType.USER, cluster, PUBLIC_KEY, sealed);
        CertificateAuthority host = cas(kind).create(CaType.HOST, cluster, PUBLIC_KEY, sealed);

        assertThat(cas(kind).find(cluster, CaType.USER)).contains(user);
        assertThat(cas(kind).find(cluster, CaType.HOST)).contains(host);
        assertThat(cas(kind).find(cluster, CaType.USER).orElseThrow().encryptedPrivateKey()).containsExactly(sealed);
        assertThat(cas(kind).list()).contains(user, host);
        assertThat(user.toString()).contains("privateKey=****");

        assertThatThrownBy(() -> cas(kind).create(CaType.USER, cluster, PUBLIC_KEY, sealed))
                .isInstanceOf(ConflictException.class)
                .hasMessage("user CA of cluster \"" + cluster + "\" already exists");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletesACa(DatabaseKind kind) {
        String cluster = Unique.name("gone");
        CertificateAuthority ca = cas(kind).create(CaType.HOST, cluster, PUBLIC_KEY, new byte[] {9});

        assertThat(cas(kind).delete(ca.id())).isTrue();
        assertThat(cas(kind).find(cluster, CaType.HOST)).isEmpty();
        assertThat(cas(kind).delete(ca.id())).isFalse();
    }
}
