package org.mezite.auth.internal.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.mezite.ca.tls.ClusterCertificates;
import org.mezite.ca.tls.PeerCertificateException;
import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.NodeServiceGrpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;

/**
 * Lets a call through only with a valid client certificate from the cluster's CAs, except the few calls made before
 * a caller has one (joining) or by probes that never will (status, health). The caller's identity and address travel
 * on in the call's {@link Context}.
 */
final class ClientCertificateInterceptor implements ServerInterceptor {

    /** Who called; set for every call that needs a client certificate. */
    static final Context.Key<PeerIdentity> PEER = Context.key("mezite.peer");
    /** The caller's IP address, or {@code null} when the transport does not say. */
    static final Context.Key<String> CLIENT_ADDRESS = Context.key("mezite.client-address");

    private static final Set<String> OPEN_METHODS = Set.of(
            AuthServiceGrpc.getGetStatusMethod().getFullMethodName(),
            NodeServiceGrpc.getJoinMethod().getFullMethodName());
    private static final Set<String> OPEN_SERVICES = Set.of(HealthGrpc.SERVICE_NAME);

    private final ClusterCertificates cluster;
    private final Clock clock;

    ClientCertificateInterceptor(ClusterCertificates cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        Context context = Context.current().withValue(CLIENT_ADDRESS,
                address(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
        if (!OPEN_METHODS.contains(call.getMethodDescriptor().getFullMethodName())
                && !OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            try {
                context = context.withValue(PEER, identify(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)));
            } catch (PeerCertificateException e) {
                call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
        }
        return Contexts.interceptCall(context, call, headers, next);
    }

    private PeerIdentity identify(SSLSession session) throws PeerCertificateException {
        if (session == null) {
            throw new PeerCertificateException("this call needs TLS with a client certificate of the cluster");
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new PeerCertificateException("this call needs a client certificate of the cluster;"
                    + " an agent gets one when it joins");
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new PeerCertificateException("this call needs an X.509 client certificate of the cluster");
        }
        return new PeerIdentity(cluster.identify(leaf, clock.instant()));
    }

    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }
}
