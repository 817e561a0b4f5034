package org.mezite.proxy.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;

/**
 * Makes the proxy's HTTPS identity when no certificate is configured: a fresh key and a server certificate from the
 * cluster's host CA for every name in {@link ServerNames}. Clients trust it by pinning the host CA
 * ({@code msh --ca-pin}), never the leaf, so a new one at each start or renewal changes nothing for them.
 */
final class HostCaCertificate implements Supplier<ServerIdentity> {

    /** Asked for; the host CA cuts it to its configured maximum (host_cert_max_ttl, 30 days by default). */
    static final Duration REQUESTED_TTL = Duration.ofDays(30);

    private final X509CertificateIssuer issuer;
    private final ServerNames names;

    HostCaCertificate(X509CertificateIssuer issuer, ServerNames names) {
        this.issuer = issuer;
        this.names = names;
    }

    @Override
    public ServerIdentity get() {
        TlsIdentity identity = issuer.generate(new X509CertificateRequest(CaType.HOST, names.commonName(), List.of(),
                names.dnsNames(), names.ipAddresses(), Set.of(TlsUsage.SERVER), REQUESTED_TTL));
        return new ServerIdentity(identity.privateKey(), identity.certificate().chain());
    }
}
