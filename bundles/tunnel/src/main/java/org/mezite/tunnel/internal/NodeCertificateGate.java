package org.mezite.tunnel.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.mezite.ca.tls.Addresses;
import org.mezite.ca.tls.ClusterCertificates;
import org.mezite.ca.tls.ClusterPeer;
import org.mezite.ca.tls.PeerCertificateException;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Lets a call through only from an agent: a valid certificate of the host CA with organization {@code node}, whose
 * CN is the node id. The TLS layer has already refused certificates of any other CA; this adds validity in time and
 * the organization, with a reason the agent can log. The node and its address travel on in the call's
 * {@link Context}.
 */
final class NodeCertificateGate implements ServerInterceptor {

    /** The organization of the TLS certificates that Auth gives nodes when they join. */
    static final String NODE_ORGANIZATION = "node";
    /** The calling node, as its certificate says. */
    static final Context.Key<ClusterPeer> NODE = Context.key("mezite.tunnel.node");
    /** The agent's address, {@code 192.0.2.7:51234}, or {@code unknown}. */
    static final Context.Key<String> CLIENT_ADDRESS = Context.key("mezite.tunnel.client-address");

    private final ClusterCertificates cluster;
    private final Clock clock;

    NodeCertificateGate(ClusterCertificates cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        ClusterPeer node;
        try {
            node = identify(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        } catch (PeerCertificateException e) {
            call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(NODE, node)
                .withValue(CLIENT_ADDRESS, address(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
        return Contexts.interceptCall(context, call, headers, next);
    }

    private ClusterPeer identify(SSLSession session) throws PeerCertificateException {
        if (session == null) {
            throw new PeerCertificateException("the tunnel needs TLS with the node's client certificate");
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new PeerCertificateException("the tunnel needs the node's client certificate; an agent gets one"
                    + " when it joins");
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new PeerCertificateException("the tunnel needs the node's X.509 client certificate");
        }
        ClusterPeer peer = cluster.identify(leaf, clock.instant());
        if (!peer.isNode(NODE_ORGANIZATION)) {
            throw new PeerCertificateException("the client certificate is " + peer + ", not a node's: only agents"
                    + " open tunnels");
        }
        return peer;
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? Addresses.format(inet) : "unknown";
    }
}
