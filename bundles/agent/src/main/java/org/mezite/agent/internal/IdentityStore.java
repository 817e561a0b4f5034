package org.mezite.agent.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's identity on disk, in {@code DATA_DIR/identity/}, so that a restart needs no new token:
 *
 * <pre>
 * node.properties                node_id, cluster_name, host_certificate_expires
 * ssh_host_ed25519_key           the SSH host key, OpenSSH's own format, as sshd and ssh-keygen read it (0600)
 * ssh_host_ed25519_key.pub       its public key
 * ssh_host_ed25519_key-cert.pub  its OpenSSH host certificate
 * tls_key.pem                    the TLS key pair: PKCS#8 and SubjectPublicKeyInfo PEM (0600)
 * tls_cert.pem                   the TLS client certificate, then its CA
 * host_ca.pem                    the host CA certificate the hub's TLS certificate must chain up to
 * user_ca.pub                    the user CA's public key, for the node's SSH server
 * </pre>
 *
 * A first identity is written to a temporary folder that is then renamed, so that a crash never leaves half of one;
 * renewed certificates replace their files one by one, each atomically.
 */
final class IdentityStore {

    static final String FOLDER = "identity";
    static final String PROPERTIES = "node.properties";
    static final String HOST_KEY = "ssh_host_ed25519_key";
    static final String HOST_PUBLIC_KEY = HOST_KEY + ".pub";
    static final String HOST_CERTIFICATE = HOST_KEY + "-cert.pub";
    static final String TLS_KEY = "tls_key.pem";
    static final String TLS_CERTIFICATE = "tls_cert.pem";
    static final String HOST_CA = "host_ca.pem";
    static final String USER_CA = "user_ca.pub";

    private static final Set<PosixFilePermission> OWNER_ONLY = AtomicFiles.OWNER_ONLY;
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> READABLE = AtomicFiles.READABLE;
    private static final boolean POSIX = AtomicFiles.POSIX;

    private final Path folder;

    IdentityStore(Path dataDir) {
        this.folder = dataDir.resolve(FOLDER);
    }

    Path folder() {
        return folder;
    }

    /**
     * The saved identity, or empty when the node has not joined yet.
     *
     * @throws IdentityException when one is there but cannot be read
     */
    Optional<NodeIdentity> load() throws IdentityException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(PROPERTIES)));
            String nodeId = property(properties, "node_id");
            String cluster = property(properties, "cluster_name");
            Instant hostExpires = Instant.parse(property(properties, "host_certificate_expires"));
            KeyPair hostKey = hostKey();
            KeyPair tlsKey = keyPair(TLS_KEY, "EC");
            List<X509Certificate> tlsChain = certificates(TLS_CERTIFICATE);
            X509Certificate hostCa = certificates(HOST_CA).get(0);
            return Optional.of(new NodeIdentity(nodeId, cluster, hostKey, read(HOST_CERTIFICATE).strip(), hostExpires,
                    tlsKey, tlsChain, hostCa, read(USER_CA).strip()));
        } catch (IOException | DateTimeParseException e) {
            throw broken(PROPERTIES, e);
        }
    }

    /** Saves the identity of a node that just joined. */
    void save(NodeIdentity identity) throws IdentityException {
        Path temporary = folder.resolveSibling(FOLDER + ".new");
        try {
            deleteRecursively(temporary);
            Files.createDirectories(folder.getParent());
            if (POSIX) {
                Files.createDirectory(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } else {
                Files.createDirectory(temporary);
            }
            write(temporary.resolve(HOST_KEY), OpenSshKeys.privateKey(identity.hostKey(), "mezd node "
                    + identity.nodeId()), OWNER_ONLY);
            write(temporary.resolve(HOST_PUBLIC_KEY), OpenSshKeys.format(identity.hostKey().getPublic()) + "\n",
                    READABLE);
            write(temporary.resolve(TLS_KEY), Pem.keyPair(identity.tlsKey()), OWNER_ONLY);
            writeCertificates(temporary, identity);
            AtomicFiles.move(temporary, folder);
        } catch (IOException e) {
            throw new IdentityException("cannot save the node's identity in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the certificates with renewed ones; the keys stay. */
    void saveCertificates(NodeIdentity identity) throws IdentityException {
        try {
            writeCertificates(folder, identity);
        } catch (IOException e) {
            throw new IdentityException("cannot save renewed certificates in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void writeCertificates(Path target, NodeIdentity identity) throws IOException {
        write(target.resolve(HOST_CERTIFICATE), identity.hostCertificate() + "\n", READABLE);
        write(target.resolve(TLS_CERTIFICATE), Pem.certificates(identity.tlsChain()), READABLE);
        write(target.resolve(HOST_CA), Pem.certificates(List.of(identity.hostCa())), READABLE);
        write(target.resolve(USER_CA), identity.userCaPublicKey() + "\n", READABLE);
        Properties properties = new Properties();
        properties.setProperty("node_id", identity.nodeId());
        properties.setProperty("cluster_name", identity.clusterName());
        properties.setProperty("host_certificate_expires", identity.hostCertificateExpires().toString());
        StringWriter text = new StringWriter();
        properties.store(text, "mezd node identity; remove this folder to join again with a new token");
        // written last: its presence completes an identity
        write(target.resolve(PROPERTIES), text.toString(), READABLE);
    }

    /** Writes through a temporary file renamed over the target, so that readers see the old or the new content. */
    private static void write(Path file, String content, Set<PosixFilePermission> permissions) throws IOException {
        // strict: a character outside ASCII fails here rather than become "?" in the file
        ByteBuffer encoded = StandardCharsets.US_ASCII.newEncoder().encode(CharBuffer.wrap(content));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        AtomicFiles.write(file, bytes, permissions);
    }

    private String read(String name) throws IdentityException {
        try {
            return Files.readString(folder.resolve(name), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw broken(name, new IOException("missing"));
        } catch (IOException e) {
            throw broken(name, e);
        }
    }

    private KeyPair keyPair(String name, String algorithm) throws IdentityException {
        try {
            return Pem.readKeyPair(read(name), algorithm);
        } catch (GeneralSecurityException e) {
            throw broken(name, e);
        }
    }

    private KeyPair hostKey() throws IdentityException {
        try {
            return OpenSshKeys.readPrivateKey(read(HOST_KEY));
        } catch (GeneralSecurityException e) {
            throw broken(HOST_KEY, e);
        }
    }

    private List<X509Certificate> certificates(String name) throws IdentityException {
        try {
            return Pem.readCertificates(read(name));
        } catch (GeneralSecurityException e) {
            throw broken(name, e);
        }
    }

    private static String property(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(key + " is missing");
        }
        return value.strip();
    }

    private IdentityException broken(String name, Exception e) {
        return new IdentityException(folder.resolve(name) + ": " + e.getMessage() + "; the node's identity is"
                + " damaged: remove " + folder + " and join again with a new token", e);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
