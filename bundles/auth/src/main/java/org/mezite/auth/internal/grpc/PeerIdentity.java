package org.mezite.auth.internal.grpc;

import java.time.Instant;
import java.util.List;

import org.mezite.api.store.CaType;

/**
 * Who called, as their verified client certificate says.
 *
 * @param commonName    the subject's CN: a node id, a user name or a service name
 * @param organizations the subject's O values: {@code node} for agents, roles for users
 * @param issuer        the cluster CA that issued the certificate
 * @param expires       when the certificate stops being valid
 */
record PeerIdentity(String commonName, List<String> organizations, CaType issuer, Instant expires) {

    PeerIdentity {
        organizations = List.copyOf(organizations);
    }

    /** Whether this is the given node's own certificate. */
    boolean isNode(String nodeId, String nodeOrganization) {
        return issuer == CaType.HOST && organizations.contains(nodeOrganization) && commonName.equals(nodeId);
    }

    @Override
    public String toString() {
        return (organizations.isEmpty() ? "" : String.join(",", organizations) + " ") + commonName + " ("
                + issuer.id() + " CA)";
    }
}
