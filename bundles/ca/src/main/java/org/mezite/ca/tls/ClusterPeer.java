package org.mezite.ca.tls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.mezite.api.store.CaType;

/**
 * Who a TLS peer is, as its verified certificate from one of the cluster's CAs says.
 *
 * @param commonName    the subject's CN: a node id, a user name or a service name
 * @param organizations the subject's O values: {@code node} for agents, roles for users
 * @param issuer        the cluster CA that issued the certificate
 * @param expires       when the certificate stops being valid
 */
public record ClusterPeer(String commonName, List<String> organizations, CaType issuer, Instant expires) {

    public ClusterPeer {
        Objects.requireNonNull(commonName, "commonName");
        organizations = List.copyOf(organizations);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(expires, "expires");
    }

    /** Whether this is a certificate the host CA gave a node that joined: O = {@code nodeOrganization}. */
    public boolean isNode(String nodeOrganization) {
        return issuer == CaType.HOST && organizations.contains(nodeOrganization);
    }

    /** Whether this is the given node's own certificate. */
    public boolean isNode(String nodeId, String nodeOrganization) {
        return isNode(nodeOrganization) && commonName.equals(nodeId);
    }

    @Override
    public String toString() {
        return (organizations.isEmpty() ? "" : String.join(",", organizations) + " ") + commonName + " ("
                + issuer.id() + " CA)";
    }
}
