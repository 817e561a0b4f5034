package org.mezite.auth.internal.join;

import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;

/**
 * What a node gets when it joins or renews.
 *
 * @param host            its OpenSSH host certificate
 * @param tls             its X.509 client certificate and the CA that issued it
 * @param userCaPublicKey the user CA's key in authorized_keys format, which its SSH server trusts
 * @param hostCaPem       the host CA's certificate, which issues the TLS certificates of Auth and the proxies
 */
public record NodeCertificates(SshCertificate host, IssuedX509Certificate tls, String userCaPublicKey,
        String hostCaPem) {
}
