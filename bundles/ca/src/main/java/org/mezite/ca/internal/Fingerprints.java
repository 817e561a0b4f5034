package org.mezite.ca.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The digests people compare keys by. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** As {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64 of the key blob's SHA-256. */
    static String ssh(byte[] keyBlob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(keyBlob));
    }

    /** {@code sha256:} and the hex SHA-256 of a DER SubjectPublicKeyInfo, the form of {@code msh --ca-pin}. */
    static String tlsPin(byte[] subjectPublicKeyInfo) {
        return "sha256:" + HexFormat.of().formatHex(sha256(subjectPublicKeyInfo));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
