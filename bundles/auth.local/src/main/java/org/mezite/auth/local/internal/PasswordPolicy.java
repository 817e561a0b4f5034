package org.mezite.auth.local.internal;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * What a password must be, and the bytes bcrypt gets from it. Passwords are Unicode-normalized (NFKC, as NIST SP
 * 800-63B suggests) so that the same password typed on different systems gives the same bytes.
 * <p>
 * The maximum: bcrypt uses the first 72 bytes of a password and silently ignores the rest, so a longer password
 * would be weaker than it looks and two passwords sharing 72 bytes would both work. Longer ones are refused with a
 * message rather than pre-hashed, which keeps the stored hash plain bcrypt that any tool can check.
 */
final class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;
    /** Typed input beyond this many characters cannot be a password within {@link #MAX_BYTES}; not worth normalizing. */
    private static final int MAX_INPUT_CHARS = 4 * MAX_BYTES;

    private PasswordPolicy() {
    }

    /**
     * A new password as bcrypt takes it.
     *
     * @throws PasswordRejectedException with a message for the user, when it breaks a rule
     */
    static byte[] acceptNew(char[] password) {
        if (password == null || password.length == 0) {
            throw new PasswordRejectedException("password is empty: it needs at least " + MIN_CHARACTERS
                    + " characters");
        }
        if (password.length > MAX_INPUT_CHARS) {
            throw tooLong(password.length);
        }
        String normalized = normalize(password);
        int characters = normalized.codePointCount(0, normalized.length());
        if (characters < MIN_CHARACTERS) {
            throw new PasswordRejectedException("password is too short: it needs at least " + MIN_CHARACTERS
                    + " characters, this one has " + characters);
        }
        byte[] bytes = normalized.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw tooLong(bytes.length);
        }
        return bytes;
    }

    /**
     * A typed password as bcrypt takes it, for checking against a stored hash; {@code null} when it is longer than any
     * accepted password, so that it cannot match a stored one by its first 72 bytes alone.
     */
    static byte[] forCheck(char[] password) {
        if (password == null || password.length > MAX_INPUT_CHARS) {
            return null;
        }
        byte[] bytes = normalize(password).getBytes(StandardCharsets.UTF_8);
        return bytes.length > MAX_BYTES ? null : bytes;
    }

    private static String normalize(char[] password) {
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC);
    }

    private static PasswordRejectedException tooLong(int bytes) {
        return new PasswordRejectedException("password is too long: at most " + MAX_BYTES
                + " bytes in UTF-8 (72 plain ASCII characters, fewer with accents or other scripts), this one has "
                + (bytes > MAX_INPUT_CHARS ? "more than " + MAX_INPUT_CHARS : String.valueOf(bytes))
                + "; bcrypt would ignore the rest");
    }
}
