package org.mezite.proxy.web.internal;

import java.util.List;

/**
 * What a successful login returns.
 *
 * @param sshCertificate  the OpenSSH user certificate, the content of an {@code id_ed25519-cert.pub} file
 * @param x509Certificate the X.509 client certificate for the same key, PEM, for mutual TLS with the cluster
 * @param hostCa          the host CA's public key ({@code ssh-ed25519 AAAA...}) for a {@code @cert-authority} line
 * @param cluster         the cluster name
 * @param user            the user name
 * @param roles           the user's roles
 * @param logins          the certificate's principals: the Unix logins it is good for
 * @param expires         when both certificates stop being valid (ISO-8601, UTC)
 */
record LoginResponse(String sshCertificate, String x509Certificate, String hostCa, String cluster, String user,
        List<String> roles, List<String> logins, String expires) {
}
