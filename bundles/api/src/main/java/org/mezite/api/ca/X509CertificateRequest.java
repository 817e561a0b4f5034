package org.mezite.api.ca;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.mezite.api.store.CaType;

/**
 * What to put in an X.509 certificate. The issuer's distinguished name carries the cluster name.
 *
 * @param authority     the issuing CA: by convention the host CA for agents, proxies and Auth, the user CA for users
 * @param commonName    the subject's CN: user name, node id or service name
 * @param organizations the subject's O values, e.g. a user's roles
 * @param dnsNames      DNS subject alternative names
 * @param ipAddresses   IP address subject alternative names, as literals
 * @param usages        server, client or both; at least one
 * @param ttl           how long the certificate is valid, positive; cut to the configured maximum of that CA
 */
public record X509CertificateRequest(CaType authority, String commonName, List<String> organizations,
        List<String> dnsNames, List<String> ipAddresses, Set<TlsUsage> usages, Duration ttl) {

    public X509CertificateRequest {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
        usages = usages == null ? Set.of() : Set.copyOf(usages);
    }
}
