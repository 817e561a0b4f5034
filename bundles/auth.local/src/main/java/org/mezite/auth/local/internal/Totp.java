package org.mezite.auth.local.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them by default: RFC 6238 with HMAC-SHA1, 30-second
 * steps and 6 digits. A code is accepted one step either side of now, for clock drift and typing time.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int WINDOW = 1;
    /** 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends. */
    static final int SECRET_BYTES = 20;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};

    private Totp() {
    }

    /** The time step of an instant: Unix time divided by 30 s. */
    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of a time step (RFC 4226 section 5.3 dynamic truncation), zero-padded to {@code digits}. */
    static String code(byte[] secret, long step, int digits) {
        byte[] hmac;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hmac = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e); // every JVM must have it
        }
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary = (hmac[offset] & 0x7f) << 24 | (hmac[offset + 1] & 0xff) << 16 | (hmac[offset + 2] & 0xff) << 8
                | hmac[offset + 3] & 0xff;
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The latest step within {@link #WINDOW} of {@code now} whose code is {@code typed}, or empty. Every step of the
     * window is compared, each in constant time, so the time taken tells nothing about whether or where it matched.
     *
     * @param typed the code as typed; spaces are ignored, anything but 6 digits matches nothing
     */
    static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        String code = typed == null ? "" : typed.replace(" ", "");
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = code(secret, step, DIGITS).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                matched = step; // no early exit: the later step wins and every step costs the same
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
