package org.mezite.api.auth;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues a user's credentials for a public key whose private half the user holds: an OpenSSH user certificate whose
 * principals are the logins the user's roles allow
 * ({@link org.mezite.api.access.AccessChecker#userAccess}), and an X.509 client certificate from the user CA for
 * mutual TLS. Both are audited as {@code cert.create}. The caller decides whether the user may have them: the proxy
 * after a login, an administrator through {@code mezite:cert-sign}.
 */
@ProviderType
public interface UserCredentialsIssuer {

    /**
     * Looks the user up and certifies the key for them.
     *
     * @param username     the Mezite user
     * @param sshPublicKey the key in OpenSSH format ({@code ssh-ed25519 AAAA...}, {@code ecdsa-sha2-nistp256 AAAA...})
     * @param ttl          how long the certificates should be valid, positive; each CA cuts it to its maximum
     * @param actor        who asks, for the audit log: the user themselves for a login, else the administrator
     * @param clientAddr   the client's address for the audit log, or {@code null}
     * @throws org.mezite.api.store.NotFoundException when there is no such user
     * @throws NoLoginsException when the user has no logins to put in the SSH certificate
     * @throws org.mezite.api.access.LockedException when a lock is in force on the user or one of their roles;
     *         nothing is issued and the refusal is audited ({@code cert.create}, failure)
     * @throws org.mezite.api.ca.InvalidCertificateRequestException when a CA refuses the key, the TTL or the user's
     *         data; the message names the field
     * @throws org.mezite.api.store.StoreException when the user cannot be read or the certificates cannot be audited;
     *         then nothing is returned
     */
    IssuedUserCredentials issue(String username, String sshPublicKey, Duration ttl, String actor, String clientAddr);
}
