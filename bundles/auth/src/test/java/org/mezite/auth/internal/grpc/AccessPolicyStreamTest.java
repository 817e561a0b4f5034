package org.mezite.auth.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.store.Role;
import org.mezite.auth.internal.testing.FakeAccessPolicySource;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;

/** Flow control and the end of one node's policy stream, with the gRPC call played by the test. */
class AccessPolicyStreamTest {

    private final FakeAccessPolicySource source = new FakeAccessPolicySource();
    private final Call call = new Call();
    private final List<AccessPolicyStream> ended = new ArrayList<>();

    @Test
    void theCurrentPolicyGoesOutAtOnceAndEachNewRevisionAfterIt() {
        source.publish(policy(1));
        AccessPolicyStream.open("n1", call, source, () -> "node", ended::add);

        source.publish(policy(2));
        source.publish(policy(2));
        source.publish(policy(3));

        assertThat(call.sent).extracting(org.mezite.proto.auth.v1.AccessPolicy::getRevision).containsExactly(1L, 2L,
                3L);
    }

    @Test
    void aChangedRecordingModeSendsTheLastPolicyAgainWithIt() {
        source.publish(policy(1));
        AccessPolicyStream stream = AccessPolicyStream.open("n1", call, source, () -> "node", ended::add);

        stream.recordingMode("node");
        stream.recordingMode("node-sync");
        stream.recordingMode("node-sync");

        assertThat(call.sent).extracting(org.mezite.proto.auth.v1.AccessPolicy::getRevision,
                org.mezite.proto.auth.v1.AccessPolicy::getRecordingMode).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "node"),
                        org.assertj.core.groups.Tuple.tuple(1L, "node-sync"));
    }

    @Test
    void whileTheNodeReadsSlowlyOnlyTheLatestPolicyWaits() {
        call.ready = false;
        AccessPolicyStream.open("n1", call, source, () -> "node", ended::add);
        source.publish(policy(1));
        source.publish(policy(2));
        source.publish(policy(3));
        assertThat(call.sent).isEmpty();

        call.ready = true;
        call.onReady.run();

        assertThat(call.sent).extracting(org.mezite.proto.auth.v1.AccessPolicy::getRevision).containsExactly(3L);
        assertThat(call.sent.get(0).getRoles(0).getName()).isEqualTo("role-3");
        call.onReady.run();
        assertThat(call.sent).hasSize(1);
    }

    @Test
    void aCancelledStreamUnsubscribesAndSendsNothingMore() {
        AccessPolicyStream stream = AccessPolicyStream.open("n1", call, source, () -> "node", ended::add);
        assertThat(source.subscribers()).isEqualTo(1);

        call.onCancel.run();
        source.publish(policy(7));

        assertThat(source.subscribers()).isZero();
        assertThat(call.sent).extracting(org.mezite.proto.auth.v1.AccessPolicy::getRevision).containsExactly(0L);
        assertThat(ended).containsExactly(stream);
        assertThat(stream.hasEnded()).isTrue();
    }

    @Test
    void theServerEndsAStreamWithAStatusAndUnsubscribes() {
        AccessPolicyStream stream = AccessPolicyStream.open("n1", call, source, () -> "node", ended::add);

        stream.stop(Status.UNAVAILABLE.withDescription("the Auth server is stopping"));
        stream.stop(Status.UNAVAILABLE.withDescription("again"));

        assertThat(source.subscribers()).isZero();
        assertThat(call.errors).singleElement().satisfies(error -> assertThat(Status.fromThrowable(error)
                .getDescription()).isEqualTo("the Auth server is stopping"));
        assertThat(ended).containsExactly(stream);
    }

    @Test
    void aStreamCancelledWhileSubscribingStillUnsubscribes() {
        AccessPolicyStream.open("n1", new Call() {
            @Override
            public void onNext(org.mezite.proto.auth.v1.AccessPolicy value) {
                super.onNext(value);
                onCancel.run(); // the node goes away as the first policy reaches it
            }
        }, source, () -> "node", ended::add);

        assertThat(source.subscribers()).isZero();
        assertThat(ended).hasSize(1);
    }

    private static AccessPolicy policy(long revision) {
        Instant now = Instant.parse("2030-05-17T10:15:30Z");
        return new AccessPolicy(revision, List.of(new Role("r" + revision, "role-" + revision, "kind: role", now,
                now)), List.of(), List.of());
    }

    /** The server side of one call: ready or not as the test says, remembering what went out. */
    static class Call extends ServerCallStreamObserver<org.mezite.proto.auth.v1.AccessPolicy> {

        final List<org.mezite.proto.auth.v1.AccessPolicy> sent = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        volatile boolean ready = true;
        Runnable onReady;
        Runnable onCancel;

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
            onCancel = handler;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
            onReady = handler;
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void onNext(org.mezite.proto.auth.v1.AccessPolicy value) {
            sent.add(value);
        }

        @Override
        public void onError(Throwable t) {
            errors.add(t);
        }

        @Override
        public void onCompleted() {
        }
    }
}
