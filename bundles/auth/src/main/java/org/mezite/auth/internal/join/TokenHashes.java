package org.mezite.auth.internal.join;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Join tokens: 32 random bytes as 64 hex digits, easy to copy into a configuration file. The store keeps only their
 * SHA-256 (a fast hash is enough for 256 random bits, which no one can guess or search for); the first 16 hex digits
 * of it name the token in lists and audit events.
 */
final class TokenHashes {

    static final int TOKEN_BYTES = 32;
    static final int ID_LENGTH = 16;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{" + 2 * TOKEN_BYTES + "}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{" + ID_LENGTH + "}");

    private TokenHashes() {
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token as issued (lower case, no spaces around it), or empty when the text cannot be one. */
    static Optional<String> canonicalToken(String typed) {
        return canonical(typed, TOKEN);
    }

    /** A token id as listed, or empty when the text cannot be one. */
    static Optional<String> canonicalId(String typed) {
        return canonical(typed, ID);
    }

    /** What the store keeps: the token's SHA-256 in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The public name of a token with this hash. */
    static String id(String hash) {
        return hash.substring(0, Math.min(ID_LENGTH, hash.length()));
    }

    /**
     * Whether a stored hash is exactly the one asked for, in time independent of where they differ. The store's own
     * lookup may compare differently (case-insensitive collations, trailing blanks), so what it finds is checked
     * again here before it counts.
     */
    static boolean same(String expected, String stored) {
        return stored != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> canonical(String typed, Pattern format) {
        if (typed == null) {
            return Optional.empty();
        }
        String value = typed.strip().toLowerCase(Locale.ROOT);
        return format.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
