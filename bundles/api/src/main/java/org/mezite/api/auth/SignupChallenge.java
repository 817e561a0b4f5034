package org.mezite.api.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What a user needs to sign up with an invite: the TOTP secret to add to an authenticator app, as text and as an
 * {@code otpauth://} URI (for a QR code). The same invite always gives the same secret, so running signup again
 * after scanning it is harmless. {@link #toString()} leaves the secret out.
 *
 * @param username   the invited user
 * @param totpSecret the TOTP secret in base32 (160 bits, 32 characters)
 * @param otpauthUri {@code otpauth://totp/Mezite:alice@cluster?secret=...&issuer=Mezite}
 * @param expiresAt  when the invite stops working
 */
public record SignupChallenge(String username, String totpSecret, String otpauthUri, Instant expiresAt) {

    public SignupChallenge {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(totpSecret, "totpSecret");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "SignupChallenge[username=" + username + ", totpSecret=****, otpauthUri=****, expiresAt=" + expiresAt
                + "]";
    }
}
