package org.mezite.agent.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mezite.api.node.NodeCredentials;
import org.mezite.api.node.NodeIdentityProvider;

/** The joined node's identity as the SSH server and the tunnel see it, always with the newest certificates. */
final class AgentNodeIdentity implements NodeIdentityProvider {

    private final String nodeName;
    private final Map<String, String> labels;
    private final HostPort tunnel;
    private final Supplier<NodeIdentity> identity;

    AgentNodeIdentity(String nodeName, Map<String, String> labels, HostPort tunnel, Supplier<NodeIdentity> identity) {
        this.nodeName = nodeName;
        this.labels = labels;
        this.tunnel = tunnel;
        this.identity = identity;
    }

    @Override
    public NodeCredentials current() {
        NodeIdentity now = identity.get();
        return new NodeCredentials(now.nodeId(), nodeName, now.clusterName(), labels, now.hostKey(),
                now.hostCertificate(), List.of(now.userCaPublicKey().strip().split("\n")), now.tlsKey().getPrivate(),
                now.tlsChain(), now.hostCa(), InetSocketAddress.createUnresolved(tunnel.host(), tunnel.port()));
    }
}
