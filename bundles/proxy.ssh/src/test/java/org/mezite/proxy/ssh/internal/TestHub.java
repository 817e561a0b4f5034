package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/** Hub settings on loopback and the real certificate authorities over an in-memory store, made once per JVM. */
final class TestHub {

    static final String CLUSTER = "test-cluster";

    private static final List<Path> tempDirs = new ArrayList<>();
    private static CertificateAuthorityService cas;
    private static CertificateAuthorityService foreignCas;

    private TestHub() {
    }

    static HubSettings settings(Set<HubRole> roles, Path dataDir) {
        InetSocketAddress anyLoopbackPort = new InetSocketAddress("127.0.0.1", 0);
        return new HubSettings(CLUSTER, roles, anyLoopbackPort, anyLoopbackPort, anyLoopbackPort, anyLoopbackPort,
                dataDir, new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:mezite.db", "", "", 1));
    }

    static HubSettings settings(Path dataDir) {
        return settings(Set.of(HubRole.AUTH, HubRole.PROXY), dataDir);
    }

    /** The cluster's CAs; their keys cost a memory-hard KDF to protect, so every test shares one pair. */
    static synchronized CertificateAuthorityService cas() {
        if (cas == null) {
            cas = new CertificateAuthorityService(settings(tempDir()), new InMemoryCaRepository(), Map.of());
        }
        return cas;
    }

    /** CAs of another cluster that happens to have the same name: their certificates mean nothing here. */
    static synchronized CertificateAuthorityService foreignCas() {
        if (foreignCas == null) {
            foreignCas = new CertificateAuthorityService(settings(tempDir()), new InMemoryCaRepository(), Map.of());
        }
        return foreignCas;
    }

    static PublicKey hostCaKey() {
        return parse(cas().authority(CaType.HOST).authorizedKey());
    }

    static PublicKey userCaKey() {
        return parse(cas().authority(CaType.USER).authorizedKey());
    }

    static KeyPair newKey() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user's key pair whose public half is their certificate, as an SSH client presents it. */
    record UserIdentity(KeyPair keyPair, KeyPair plain, SshCertificate certificate) {
    }

    static UserIdentity user(CertificateAuthorityService signer, String name, List<String> logins, Duration ttl) {
        return user(signer, name, logins, ttl, Map.of());
    }

    static UserIdentity user(CertificateAuthorityService signer, String name, List<String> logins, Duration ttl,
            Map<String, List<String>> traits) {
        KeyPair plain = newKey();
        SshCertificate certificate = signer.sign(new UserCertificateRequest(PublicKeyEntry.toString(plain.getPublic()),
                name, List.of("dev"), logins, Set.of(), ttl, traits));
        OpenSshCertificate parsed = (OpenSshCertificate) parse(certificate.authorizedKey());
        return new UserIdentity(new KeyPair(parsed, plain.getPrivate()), plain, certificate);
    }

    static UserIdentity alice() {
        return user(cas(), "alice", List.of("alice", "ubuntu"), Duration.ofHours(1));
    }

    static PublicKey parse(String authorizedKey) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(authorizedKey).resolvePublicKey(null, null,
                    PublicKeyEntryResolver.FAILING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new directory under the system's temporary one, deleted with everything in it when the JVM exits. */
    static synchronized Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("mezite-proxy-ssh-test");
            if (tempDirs.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestHub::deleteTempDirs, "test-temp-cleanup"));
            }
            tempDirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void deleteTempDirs() {
        for (Path dir : tempDirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
