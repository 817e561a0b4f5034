package org.mezite.proxy.web.internal;

/**
 * {@code GET /v1/signup/{token}}: the TOTP secret to enroll. Sent once per request over TLS, never logged.
 *
 * @param user       the invited user
 * @param totpSecret the secret in base32
 * @param otpauthUri the same as an {@code otpauth://} URI, for a QR code
 * @param expires    when the invite stops working (ISO-8601, UTC)
 */
record SignupChallengeResponse(String user, String totpSecret, String otpauthUri, String expires) {

    @Override
    public String toString() {
        return "SignupChallengeResponse[user=" + user + ", totpSecret=****, otpauthUri=****, expires=" + expires + "]";
    }
}
