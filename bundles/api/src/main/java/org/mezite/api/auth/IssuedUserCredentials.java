package org.mezite.api.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;

/**
 * What {@link UserCredentialsIssuer} hands out: both certificates on the user's key, with the host CA the user's SSH
 * client must trust to reach nodes.
 *
 * @param username       the Mezite user
 * @param roles          the user's roles, as both certificates carry them
 * @param logins         the SSH certificate's principals: the Unix logins it is good for
 * @param sshCertificate the OpenSSH user certificate
 * @param x509           the X.509 client certificate from the user CA
 * @param hostCa         the host CA, for an {@code @cert-authority} known_hosts line
 *                       ({@link CaPublicIdentity#certAuthorityLine(String)})
 */
public record IssuedUserCredentials(String username, List<String> roles, List<String> logins,
        SshCertificate sshCertificate, IssuedX509Certificate x509, CaPublicIdentity hostCa) {

    public IssuedUserCredentials {
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        logins = List.copyOf(logins);
        Objects.requireNonNull(sshCertificate, "sshCertificate");
        Objects.requireNonNull(x509, "x509");
        Objects.requireNonNull(hostCa, "hostCa");
    }

    /** When the first of the two certificates stops being valid. */
    public Instant expiresAt() {
        Instant x509End = x509.certificate().getNotAfter().toInstant();
        return x509End.isBefore(sshCertificate.validBefore()) ? x509End : sshCertificate.validBefore();
    }
}
