package org.mezite.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CA pin: {@code sha256:} and the hex SHA-256 of a CA certificate's SubjectPublicKeyInfo, as {@code mezite:status}
 * prints it and {@code --ca-pin} takes it. Pinning the key rather than the certificate keeps the pin valid when the
 * CA certificate is re-issued for the same key.
 *
 * @param value {@code sha256:} and 64 lower-case hex digits
 */
record CaPin(String value) {

    private static final String PREFIX = "sha256:";
    private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

    /** @throws MshException (usage) when the text is not a pin */
    static CaPin parse(String text) {
        String pin = text.strip().toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(pin).matches()) {
            throw MshException.usage("--ca-pin \"" + text.strip() + "\": expected sha256: and 64 hex digits, as"
                    + " mezite:status prints it on the hub");
        }
        return new CaPin(pin);
    }

    static CaPin of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return new CaPin(PREFIX + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    @Override
    public String toString() {
        return value;
    }
}
