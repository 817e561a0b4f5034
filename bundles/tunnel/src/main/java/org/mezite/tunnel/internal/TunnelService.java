package org.mezite.tunnel.internal;

import org.mezite.ca.tls.ClusterPeer;
import org.mezite.proto.tunnel.v1.AgentMessage;
import org.mezite.proto.tunnel.v1.DataFrame;
import org.mezite.proto.tunnel.v1.ProxyMessage;
import org.mezite.proto.tunnel.v1.TunnelServiceGrpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** {@code mezite.tunnel.v1.TunnelService}: the wire side of {@link Tunnels}, behind {@link NodeCertificateGate}. */
final class TunnelService extends TunnelServiceGrpc.TunnelServiceImplBase {

    private final Tunnels tunnels;

    TunnelService(Tunnels tunnels) {
        this.tunnels = tunnels;
    }

    @Override
    public StreamObserver<AgentMessage> control(StreamObserver<ProxyMessage> responses) {
        ClusterPeer node = NodeCertificateGate.NODE.get();
        return new ProxyTunnel(tunnels, node, NodeCertificateGate.CLIENT_ADDRESS.get(),
                (ServerCallStreamObserver<ProxyMessage>) responses);
    }

    @Override
    public StreamObserver<DataFrame> data(StreamObserver<DataFrame> responses) {
        ServerCallStreamObserver<DataFrame> out = (ServerCallStreamObserver<DataFrame>) responses;
        // frames are asked for one by one, as the receiver consumes them: back-pressure per connection
        out.disableAutoRequest();
        ProxyConnection connection = new ProxyConnection(tunnels, NodeCertificateGate.NODE.get().commonName(), out);
        out.request(1); // the DataOpen
        return connection;
    }
}
