package org.mezite.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * msh's directory: {@code $MSH_HOME}, or {@code ~/.msh}. It holds secrets (private keys), so it is made readable by
 * its owner only, and files are written aside and renamed into place: a crash never leaves half a key, and no other
 * user can read a key between its creation and a chmod.
 * <pre>
 * profile                           where msh logged in last: proxy, user, cluster, CA pin
 * known_hosts                       {@code @cert-authority} lines for each cluster's host CA
 * keys/HOST/USER                    the private key (OpenSSH format)
 * keys/HOST/USER.pub                its public key
 * keys/HOST/USER-cert.pub           the SSH certificate (found by ssh -i keys/HOST/USER by itself)
 * keys/HOST/USER-x509.pem           the X.509 client certificate for the same key
 * </pre>
 */
final class MshHome {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    MshHome(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code $MSH_HOME} when set, else {@code .msh} in the user's home. */
    static MshHome of(Map<String, String> environment, String userHome) {
        String configured = environment.get("MSH_HOME");
        return new MshHome(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(userHome, ".msh"));
    }

    static MshHome fromEnvironment() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    Path dir() {
        return dir;
    }

    Path profile() {
        return dir.resolve("profile");
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** The private key of {@code user} at {@code proxy}; its other files are named after it. */
    Path key(ProxyAddress proxy, String user) {
        return dir.resolve("keys").resolve(safe(proxy.host())).resolve(safe(user));
    }

    /** The files that belong to a private key. */
    record KeyFiles(Path key, Path publicKey, Path certificate, Path x509Certificate) {
        static KeyFiles of(Path key) {
            return new KeyFiles(key, sibling(key, ".pub"), sibling(key, "-cert.pub"), sibling(key, "-x509.pem"));
        }

        private static Path sibling(Path key, String suffix) {
            return key.resolveSibling(key.getFileName() + suffix);
        }
    }

    /**
     * Writes {@code content} to {@code file} readable by the owner only, making the directories up to it the same
     * way, and replacing the file in one step.
     */
    void write(Path file, String content) {
        try {
            createPrivateDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            if (posix(file.getParent())) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(partial);
            }
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createPrivateDirectories(directory.getParent());
        try {
            if (posix(directory.getParent())) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another msh
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A path segment from a host or user name: nothing that walks out of the directory. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._@+:-]", "_");
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "_" + cleaned : cleaned;
    }
}
