package org.mezite.auth.internal.grpc;

import org.mezite.ca.tls.ClusterPeer;

/**
 * Who called, as their verified client certificate says.
 *
 * @param certificate what the certificate of the cluster names: CN (a node id, a user name or a service name), O
 *                    values ({@code node} for agents, roles for users), issuing CA, expiry
 */
record PeerIdentity(ClusterPeer certificate) {

    /** Whether this is the given node's own certificate. */
    boolean isNode(String nodeId, String nodeOrganization) {
        return certificate.isNode(nodeId, nodeOrganization);
    }

    @Override
    public String toString() {
        return certificate.toString();
    }
}
