package org.mezite.proxy.web.internal;

/**
 * {@code POST /v1/signup}. {@link #toString()} leaves out every field but none is worth logging anyway.
 *
 * @param token    the invite token
 * @param password the new password; wiped after use
 * @param totpCode a current code from the secret of {@code GET /v1/signup/{token}}
 */
record SignupRequest(String token, char[] password, String totpCode) {

    @Override
    public String toString() {
        return "SignupRequest[token=****, password=****, totpCode=****]";
    }
}
