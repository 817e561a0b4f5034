package org.mezite.proxy.web.internal;

/**
 * {@code POST /v1/login}. {@link #toString()} leaves out the password and the code.
 *
 * @param user      the user name
 * @param password  the password; wiped after the check
 * @param totpCode  the authenticator's current code
 * @param publicKey the OpenSSH ed25519 public key to certify
 * @param ttl       how long the certificates should be valid ({@code 12h}, {@code 30m}), or {@code null} for 12 hours;
 *                  the CA cuts it to its maximum
 */
record LoginRequest(String user, char[] password, String totpCode, String publicKey, String ttl) {

    @Override
    public String toString() {
        return "LoginRequest[user=" + user + ", password=****, totpCode=****, publicKey=" + publicKey + ", ttl=" + ttl
                + "]";
    }
}
