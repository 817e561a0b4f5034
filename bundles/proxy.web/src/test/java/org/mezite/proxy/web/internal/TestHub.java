package org.mezite.proxy.web.internal;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.ca.internal.CertificateAuthorityService;

/** Hub settings on loopback and the real certificate authorities over an in-memory store, made once per JVM. */
final class TestHub {

    static final String CLUSTER = "test-cluster";
    /** Written as operators write it, so that the host string is the address itself. */
    static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    private static CertificateAuthorityService cas;

    private TestHub() {
    }

    static HubSettings settings(Set<HubRole> roles, InetSocketAddress webListen) {
        return new HubSettings(CLUSTER, roles, ANY_LOOPBACK_PORT, webListen,
                new InetSocketAddress("127.0.0.1", 3023), ANY_LOOPBACK_PORT, Path.of("data"),
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:mezite.db", "", "", 1));
    }

    static HubSettings settings() {
        return settings(Set.of(HubRole.AUTH, HubRole.PROXY), ANY_LOOPBACK_PORT);
    }

    /** The CA keys cost a memory-hard KDF to protect, so every test shares one pair. */
    static synchronized CertificateAuthorityService cas() {
        if (cas == null) {
            cas = new CertificateAuthorityService(settings(), new InMemoryCaRepository(), Map.of());
        }
        return cas;
    }
}
