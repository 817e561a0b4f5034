package org.mezite.proxy.web.internal;

import java.util.List;

/**
 * {@code GET /v1/ping}: what a client needs to know before it logs in. Public: it holds no secret.
 *
 * @param cluster                the cluster name
 * @param version                the Mezite version of this proxy
 * @param proxyPublicAddr        HOST:PORT of this HTTPS API as users should reach it
 * @param proxySshAddr           HOST:PORT of the proxy's SSH listener
 * @param certificateAuthorities the cluster's CAs and their pins
 */
record PingResponse(String cluster, String version, String proxyPublicAddr, String proxySshAddr,
        List<Authority> certificateAuthorities) {

    /**
     * @param type           {@code user} or {@code host}
     * @param sshFingerprint as {@code ssh-keygen -l} prints it
     * @param tlsPin         {@code sha256:HEX} of the CA certificate's SubjectPublicKeyInfo, for {@code --ca-pin}
     */
    record Authority(String type, String sshFingerprint, String tlsPin) {
    }
}
