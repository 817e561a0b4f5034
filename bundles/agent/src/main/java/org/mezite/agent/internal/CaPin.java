package org.mezite.agent.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CA pin as {@code mezite:token-add} and {@code mezite:status} print it: {@code sha256:} and the hex SHA-256 of
 * the CA certificate's SubjectPublicKeyInfo. It names the CA's key, so it holds across re-issued CA certificates.
 *
 * @param value {@code sha256:} and 64 lower-case hex digits
 */
record CaPin(String value) {

    private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

    /** @throws IllegalArgumentException when the text is not {@code sha256:} and 64 hex digits */
    static CaPin parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" must be sha256: and 64 hex digits");
        }
        return new CaPin(value);
    }

    static CaPin of(X509Certificate certificate) {
        try {
            return new CaPin("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    boolean matches(X509Certificate certificate) {
        return value.equals(of(certificate).value);
    }

    @Override
    public String toString() {
        return value;
    }
}
