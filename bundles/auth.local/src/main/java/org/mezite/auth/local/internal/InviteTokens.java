package org.mezite.auth.local.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invite tokens: 32 random bytes as 64 hex digits, easy to copy into a terminal. The store keeps only their SHA-256;
 * a fast hash is enough for 256 random bits, which no one can guess or search for.
 */
final class InviteTokens {

    static final int TOKEN_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{" + 2 * TOKEN_BYTES + "}");

    private final SecureRandom random;

    InviteTokens(SecureRandom random) {
        this.random = random;
    }

    String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token as issued (lower case, no spaces around it), or empty when it cannot be one. */
    static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String token = typed.strip().toLowerCase(Locale.ROOT);
        return FORMAT.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }

    /** What the store keeps: SHA-256 of the token, in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
