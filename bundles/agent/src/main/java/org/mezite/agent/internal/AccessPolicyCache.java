package org.mezite.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import org.mezite.proto.auth.v1.AccessPolicy;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The last access policy received from Auth, in {@code DATA_DIR/access-policy.pb}, so that a restarted agent decides
 * access while Auth cannot be reached. The file holds a header line, the SHA-256 of the message and the message as
 * Auth sent it; the checksum tells a damaged file from a policy (protobuf alone would read many damaged files as some
 * policy). Written whole through a temporary file, readable by the agent's user only.
 */
final class AccessPolicyCache {

    static final String FILE_NAME = "access-policy.pb";
    private static final byte[] HEADER = "mezite access policy v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;
    /** Far above what gRPC delivers (4 MiB per message): anything larger is not a file of ours. */
    private static final int MAX_SIZE = 16 * 1024 * 1024;

    private final Path file;

    AccessPolicyCache(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * The saved policy, or empty when there is none.
     *
     * @throws IOException saying what is wrong with the file when it cannot be used
     */
    Optional<AccessPolicy> read() throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_SIZE + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (content.length > MAX_SIZE) {
            throw new IOException("larger than " + MAX_SIZE + " bytes");
        }
        if (content.length < HEADER.length + DIGEST_LENGTH
                || !Arrays.equals(content, 0, HEADER.length, HEADER, 0, HEADER.length)) {
            throw new IOException("not an access policy saved by mezd");
        }
        int start = HEADER.length + DIGEST_LENGTH;
        byte[] digest = sha256(content, start, content.length - start);
        if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(content, HEADER.length, start))) {
            throw new IOException("damaged (its checksum does not match)");
        }
        try {
            return Optional.of(AccessPolicy.parseFrom(Arrays.copyOfRange(content, start, content.length)));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("unreadable: " + e.getMessage(), e);
        }
    }

    void write(AccessPolicy policy) throws IOException {
        byte[] message = policy.toByteArray();
        byte[] content = new byte[HEADER.length + DIGEST_LENGTH + message.length];
        System.arraycopy(HEADER, 0, content, 0, HEADER.length);
        System.arraycopy(sha256(message, 0, message.length), 0, content, HEADER.length, DIGEST_LENGTH);
        System.arraycopy(message, 0, content, HEADER.length + DIGEST_LENGTH, message.length);
        AtomicFiles.write(file, content, AtomicFiles.OWNER_ONLY);
    }

    /** Forgets the saved policy: it belongs to a cluster the node no longer is in. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private static byte[] sha256(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
