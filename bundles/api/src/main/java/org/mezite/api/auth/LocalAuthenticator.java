package org.mezite.api.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Logs local users in with password and TOTP code. After 5 failed logins in a row an account is locked for 30
 * minutes; a successful login resets the count. Every attempt lands in the audit log as {@code user.login}, without
 * the password or the code.
 */
@ProviderType
public interface LocalAuthenticator {

    /** The {@link AuthenticatedUser#method()} of local logins, also the {@code method} of their audit events. */
    String METHOD = "local";

    /**
     * Checks a login attempt. An unknown user and a wrong password get the same answer, in the same time.
     *
     * @param username   as typed
     * @param password   as typed; the caller may wipe the array afterwards
     * @param totpCode   the 6 digits from the user's authenticator (spaces are ignored)
     * @param clientAddr the client's address for the audit log, or {@code null}
     * @throws org.mezite.api.store.StoreException when the store cannot be read or the attempt cannot be audited;
     *         nobody logs in without an audit event
     */
    LoginResult login(String username, char[] password, String totpCode, String clientAddr);
}
