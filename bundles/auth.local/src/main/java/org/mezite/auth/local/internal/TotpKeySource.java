package org.mezite.auth.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the TOTP key (base64 of 32 bytes) comes from: the file named by {@code totp.key.file}, which every Auth server
 * of a cluster must share, or else {@code DATA_DIR/totp.key}, made at first start, which suits a single hub. A file
 * rather than a configuration value, because configuration values end up as service properties and in
 * {@code config:list}. Losing the key makes every enrolled user unable to log in until reset, so it is backed up with
 * the database.
 */
final class TotpKeySource {

    static final String DEFAULT_FILE = "totp.key";

    /** The key, the file it came from, and whether that file was made just now. */
    record Loaded(byte[] key, Path file, boolean created) {
    }

    private TotpKeySource() {
    }

    /**
     * Reads a key file that must exist.
     *
     * @throws IllegalArgumentException naming the file, when it is missing or does not hold a key
     * @throws IOException when it cannot be read
     */
    static Loaded fromFile(Path file) throws IOException {
        try {
            return new Loaded(decode(Files.readString(file, StandardCharsets.US_ASCII), file), file, false);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist (make it with: openssl rand -base64 32 > "
                    + file + "; chmod 600 " + file + ")");
        }
    }

    /**
     * Reads {@code dataDir/totp.key}, making it (readable by the hub's owner only) when there is none.
     *
     * @throws IllegalArgumentException naming the file, when it does not hold a key
     * @throws IOException when it cannot be read or written
     */
    static Loaded fromDataDir(Path dataDir, SecureRandom random) throws IOException {
        Path file = dataDir.resolve(DEFAULT_FILE);
        boolean created = false;
        if (!Files.exists(file)) {
            byte[] key = new byte[TotpKeys.KEY_BYTES];
            random.nextBytes(key);
            Files.createDirectories(dataDir);
            // written aside and moved into place, so that a crash never leaves an empty key file behind
            Path tmp = Files.createTempFile(dataDir, DEFAULT_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file);
                created = true;
            } catch (FileAlreadyExistsException e) {
                // another start made it first; use that one
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return new Loaded(fromFile(file).key(), file, created);
    }

    private static byte[] decode(String content, Path file) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(content.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not base64 (a key is made with: openssl rand -base64 32)");
        }
        if (key.length != TotpKeys.KEY_BYTES) {
            throw new IllegalArgumentException(file + ": holds " + key.length + " bytes, a key has "
                    + TotpKeys.KEY_BYTES + " (made with: openssl rand -base64 32)");
        }
        return key;
    }
}
