package org.mezite.agent.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.X509ExtendedTrustManager;

import org.mezite.ca.tls.ClusterServerTrust;

/**
 * Decides whether the hub the agent reached is its cluster's Auth server, with the cluster's shared check
 * ({@link ClusterServerTrust}: signed by the CA, valid now, meant for TLS servers). Before joining, the CA is the one
 * in the hub's own chain whose key matches {@code ca_pin}; after, it is the CA certificate saved with the node's
 * identity.
 */
final class HubTrust {

    static final String HUB = "the hub";

    private HubTrust() {
    }

    /** Trusts the CA in the server's chain whose key has this pin; a chain without one is a {@link CaPinMismatchException}. */
    static X509ExtendedTrustManager pinned(CaPin pin, Clock clock) {
        return new ClusterServerTrust(HUB, chain -> pinnedIn(pin, chain), clock);
    }

    /** Trusts these CA certificates. */
    static X509ExtendedTrustManager anchoredAt(List<X509Certificate> authorities, Clock clock) {
        return new ClusterServerTrust(HUB, authorities, clock);
    }

    /** The CA certificates in the chain with the pinned key; none is a mismatch that no retry will fix. */
    private static List<X509Certificate> pinnedIn(CaPin pin, X509Certificate[] chain) throws CaPinMismatchException {
        List<X509Certificate> cas = Arrays.asList(chain).subList(Math.min(1, chain.length), chain.length);
        List<X509Certificate> matching = cas.stream().filter(pin::matches).toList();
        if (matching.isEmpty()) {
            String presented = cas.stream().map(c -> CaPin.of(c).value()).collect(Collectors.joining(", "));
            throw new CaPinMismatchException("the hub's CA does not match ca_pin " + pin
                    + (presented.isEmpty() ? " (the hub sent no CA certificate)" : " (the hub's CA is " + presented
                            + ")"));
        }
        return matching;
    }
}
