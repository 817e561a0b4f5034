package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {

    @TempDir
    Path dataDir;

    private FakeHub hub;
    private NodeIdentity joined;

    @BeforeEach
    void join() throws Exception {
        hub = FakeHub.start();
        joined = new Joiner(hub.address(), hub.pin(), Clock.systemUTC()).join(FakeHub.TOKEN, "node-01", Map.of(),
                "0.1.0");
    }

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void aDataDirWithoutIdentityHasNone() throws Exception {
        assertThat(new IdentityStore(dataDir).load()).isEmpty();
    }

    @Test
    void anIdentityReadsBackAsSaved() throws Exception {
        new IdentityStore(dataDir).save(joined);

        NodeIdentity loaded = new IdentityStore(dataDir).load().orElseThrow();

        assertThat(loaded.nodeId()).isEqualTo(joined.nodeId());
        assertThat(loaded.clusterName()).isEqualTo(joined.clusterName());
        assertThat(loaded.hostKey().getPrivate()).isEqualTo(joined.hostKey().getPrivate());
        assertThat(loaded.hostKey().getPublic()).isEqualTo(joined.hostKey().getPublic());
        assertThat(loaded.tlsKey().getPrivate()).isEqualTo(joined.tlsKey().getPrivate());
        assertThat(loaded.hostCertificate()).isEqualTo(joined.hostCertificate());
        assertThat(loaded.hostCertificateExpires()).isEqualTo(joined.hostCertificateExpires());
        assertThat(loaded.tlsChain()).isEqualTo(joined.tlsChain());
        assertThat(loaded.hostCa()).isEqualTo(joined.hostCa());
        assertThat(loaded.userCaPublicKey()).isEqualTo(joined.userCaPublicKey());
    }

    @Test
    void privateKeysAreReadableByTheOwnerOnly() throws Exception {
        IdentityStore store = new IdentityStore(dataDir);
        store.save(joined);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.folder())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                store.folder().resolve(IdentityStore.HOST_KEY)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                store.folder().resolve(IdentityStore.TLS_KEY)))).isEqualTo("rw-------");
        assertThat(Files.readString(store.folder().resolve(IdentityStore.HOST_PUBLIC_KEY)))
                .startsWith("ssh-ed25519 ");
        assertThat(Files.readString(store.folder().resolve(IdentityStore.HOST_KEY)))
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(Files.readString(store.folder().resolve(IdentityStore.HOST_CERTIFICATE)))
                .startsWith("ssh-ed25519-cert-v01@openssh.com ");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("identity");
        }
    }

    @Test
    void renewedCertificatesReplaceTheOldOnesAndTheKeysStay() throws Exception {
        IdentityStore store = new IdentityStore(dataDir);
        store.save(joined);
        NodeIdentity renewed = joined.renewed("ssh-ed25519-cert-v01@openssh.com AAAA renewed",
                joined.hostCertificateExpires().plusSeconds(60), joined.tlsChain(), joined.hostCa(), "ssh-ed25519 BBBB");

        store.saveCertificates(renewed);

        NodeIdentity loaded = store.load().orElseThrow();
        assertThat(loaded.hostCertificate()).isEqualTo("ssh-ed25519-cert-v01@openssh.com AAAA renewed");
        assertThat(loaded.hostCertificateExpires()).isEqualTo(joined.hostCertificateExpires().plusSeconds(60));
        assertThat(loaded.userCaPublicKey()).isEqualTo("ssh-ed25519 BBBB");
        assertThat(loaded.hostKey().getPrivate()).isEqualTo(joined.hostKey().getPrivate());
        try (var files = Files.list(store.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aDamagedIdentityNamesTheFileAndWhatToDo() throws Exception {
        IdentityStore store = new IdentityStore(dataDir);
        store.save(joined);
        Files.writeString(store.folder().resolve(IdentityStore.TLS_KEY), "garbage");

        assertThatThrownBy(store::load).isInstanceOf(IdentityException.class)
                .hasMessage(store.folder().resolve(IdentityStore.TLS_KEY) + ": no PEM PRIVATE KEY and PUBLIC KEY in"
                        + " it; the node's identity is damaged: remove " + store.folder()
                        + " and join again with a new token");

        Files.delete(store.folder().resolve(IdentityStore.PROPERTIES));
        assertThatThrownBy(store::load).hasMessageStartingWith(store.folder().resolve(IdentityStore.PROPERTIES)
                + ": missing;");
    }
}
