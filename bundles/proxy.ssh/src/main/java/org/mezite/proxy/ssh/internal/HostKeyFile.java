package org.mezite.proxy.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Set;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's SSH host key: an Ed25519 key in OpenSSH's private key format ({@code ssh-keygen -l -f} reads it), made
 * at the first start and readable by the hub's user only. Clients trust it through the host certificate, so a new
 * key (after the file is deleted) needs nothing from them.
 */
final class HostKeyFile {

    static final String FILE_NAME = "ssh_host_ed25519_key";
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private HostKeyFile() {
    }

    /**
     * @throws IOException naming the file when it cannot be read, written or parsed
     */
    static KeyPair loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    private static void create(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make an Ed25519 host key (is BouncyCastle installed?): " + e.getMessage(), e);
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "mezite-proxy", null, encoded);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the proxy's host key: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // written aside and moved into place, so that a crash never leaves a half-written key behind
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(tmp, encoded.toByteArray());
            Files.move(tmp, file);
            Files.writeString(Path.of(file + ".pub"), PublicKeyEntry.toString(pair.getPublic()) + " mezite-proxy\n",
                    StandardCharsets.US_ASCII);
            LOG.info("made the proxy's SSH host key {} ({})", file, KeyUtils.getFingerPrint(pair.getPublic()));
        } catch (FileAlreadyExistsException e) {
            // another start made it first; use that one
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static KeyPair load(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("the proxy's SSH host key {} is readable by others ({}); chmod 600 it",
                    file, PosixFilePermissions.toString(permissions));
        }
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, null);
            Iterator<KeyPair> iterator = pairs == null ? null : pairs.iterator();
            if (iterator == null || !iterator.hasNext()) {
                throw unreadable(file, "it holds no private key in OpenSSH or PEM format");
            }
            KeyPair pair = iterator.next();
            if (!KeyPairProvider.SSH_ED25519.equals(KeyUtils.getKeyType(pair))) {
                throw unreadable(file, "it holds a " + KeyUtils.getKeyType(pair) + " key, not ssh-ed25519");
            }
            return pair;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unreadable(file, e.getMessage());
        }
    }

    private static IOException unreadable(Path file, String problem) {
        return new IOException("cannot read the proxy's SSH host key " + file + ": " + problem
                + "; move it away to make a new one");
    }
}
