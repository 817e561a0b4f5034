package org.mezite.itests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An authenticator app: RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits. */
final class Totp {

    private Totp() {
    }

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    static long now() {
        return Instant.now().getEpochSecond() / 30;
    }

    static String code(byte[] secret, long step) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
        return String.format("%06d", binary % 1_000_000);
    }

    /** Six digits that are the code of no step near now, whenever the hub checks them. */
    static String codeOfNoNearbyStep(byte[] secret) throws GeneralSecurityException {
        long now = now();
        Set<String> nearby = new HashSet<>();
        for (long step : LongStream.rangeClosed(now - 3, now + 3).toArray()) {
            nearby.add(code(secret, step));
        }
        for (int candidate = 0;; candidate++) {
            String code = String.format("%06d", candidate);
            if (!nearby.contains(code)) {
                return code;
            }
        }
    }

    static byte[] base32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase().toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                continue; // padding
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
