package org.mezite.tunnel.internal;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.mezite.api.node.NodeCredentials;
import org.mezite.proto.tunnel.v1.AgentHello;
import org.mezite.proto.tunnel.v1.AgentMessage;
import org.mezite.proto.tunnel.v1.ProxyMessage;
import org.mezite.proto.tunnel.v1.TunnelServiceGrpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** A control stream driven by the test, for agents that misbehave or lie. */
final class RawAgent implements AutoCloseable {

    final BlockingQueue<ProxyMessage> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Status> closed = new CompletableFuture<>();
    private final LinkChannel channel;
    private final StreamObserver<AgentMessage> requests;

    /** Connects with the TLS identity in {@code credentials}. */
    RawAgent(NodeCredentials credentials) {
        channel = LinkChannel.open(credentials, Clock.systemUTC());
        requests = TunnelServiceGrpc.newStub(channel.channel()).control(new StreamObserver<>() {
            @Override
            public void onNext(ProxyMessage message) {
                received.add(message);
            }

            @Override
            public void onError(Throwable t) {
                closed.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                closed.complete(Status.OK);
            }
        });
    }

    /** Says hello as {@code nodeId}, which may not be the certificate's. */
    RawAgent hello(String nodeId) {
        requests.onNext(AgentMessage.newBuilder().setHello(AgentHello.newBuilder().setNodeId(nodeId)
                .setNodeName("raw").setVersion("test")).build());
        return this;
    }

    @Override
    public void close() {
        channel.close();
    }
}
