package org.mezite.auth.local.internal;

import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/} URI that authenticator apps read from a QR code (Google Authenticator's Key Uri Format):
 * the label is {@code issuer:account}, and the issuer parameter repeats the issuer so that apps group entries by it.
 */
final class OtpAuthUri {

    static final String ISSUER = "Mezite";

    private OtpAuthUri() {
    }

    /**
     * @param account      what the app shows under the issuer, e.g. {@code alice@prod}
     * @param base32Secret the secret in base32 without padding
     */
    static String of(String account, String base32Secret) {
        return "otpauth://totp/" + encode(ISSUER) + ":" + encode(account) + "?secret=" + base32Secret + "&issuer="
                + encode(ISSUER);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (URLEncoder would turn spaces into '+'). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0x0f, 16)));
            }
        }
        return out.toString();
    }
}
