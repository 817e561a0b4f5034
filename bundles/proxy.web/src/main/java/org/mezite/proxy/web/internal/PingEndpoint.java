package org.mezite.proxy.web.internal;

import java.util.List;

import org.mezite.api.ca.CertificateAuthorities;

/** {@code GET /v1/ping}: the cluster, this proxy's version and addresses, and the CA pins for msh to show. */
final class PingEndpoint {

    private final CertificateAuthorities authorities;
    private final String version;
    private final String webAddress;
    private final String sshAddress;

    /**
     * @param webAddress HOST:PORT of this API as users reach it
     * @param sshAddress HOST:PORT of the proxy's SSH listener as users reach it
     */
    PingEndpoint(CertificateAuthorities authorities, String version, String webAddress, String sshAddress) {
        this.authorities = authorities;
        this.version = version;
        this.webAddress = webAddress;
        this.sshAddress = sshAddress;
    }

    PingResponse ping() {
        List<PingResponse.Authority> cas = authorities.all().stream()
                .map(ca -> new PingResponse.Authority(ca.type().id(), ca.sshFingerprint(), ca.tlsPin()))
                .toList();
        return new PingResponse(authorities.clusterName(), version, webAddress, sshAddress, cas);
    }
}
