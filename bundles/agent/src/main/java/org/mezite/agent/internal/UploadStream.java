package org.mezite.agent.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mezite.proto.auth.v1.RecordingAck;
import org.mezite.proto.auth.v1.RecordingData;
import org.mezite.proto.auth.v1.RecordingEnd;
import org.mezite.proto.auth.v1.RecordingPart;
import org.mezite.proto.auth.v1.RecordingStart;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;

/**
 * One {@code NodeService.UploadRecording} call, driven from one thread that may block: start and learn how much Auth
 * holds, send data as fast as gRPC's flow control lets it (never queueing more than the stream can take), end and wait
 * until Auth has stored the recording. Whatever ends the stream early is thrown as an {@link UploadFailure} with
 * Auth's status.
 */
final class UploadStream implements ClientResponseObserver<RecordingPart, RecordingAck> {

    /** Opens the call to Auth: gRPC's async stub method. */
    @FunctionalInterface
    interface Hub {
        StreamObserver<RecordingPart> upload(StreamObserver<RecordingAck> acks);
    }

    /** The upload ended early: Auth's status, or one standing for what went wrong here. */
    static final class UploadFailure extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient Status status;

        UploadFailure(Status status) {
            super(HubSession.describe(status.asRuntimeException()), status.getCause());
            this.status = status;
        }

        Status.Code code() {
            return status.getCode();
        }
    }

    /** At most this much data in one message (gRPC allows 4 MiB). */
    static final int CHUNK = 256 * 1024;
    private static final Object COMPLETED = new Object();

    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final Object monitor = new Object();
    private final Runnable wake;
    private volatile Status failure;
    private volatile ClientCallStreamObserver<RecordingPart> requests;

    private UploadStream(Runnable wake) {
        this.wake = wake;
    }

    /**
     * Opens a call; nothing is sent yet.
     *
     * @param wake told when the stream can take more or has failed (from gRPC's threads), for a thread that waits
     *             on more than this stream
     */
    static UploadStream open(Hub hub, Runnable wake) throws UploadFailure {
        UploadStream stream = new UploadStream(wake);
        try {
            StreamObserver<RecordingPart> requests = hub.upload(stream);
            if (stream.requests == null && requests instanceof ClientCallStreamObserver<RecordingPart> call) {
                stream.requests = call;
            }
        } catch (StatusRuntimeException e) {
            throw new UploadFailure(e.getStatus());
        } catch (RuntimeException e) {
            throw new UploadFailure(Status.UNAVAILABLE.withDescription("cannot open the upload").withCause(e));
        }
        return stream;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<RecordingPart> call) {
        requests = call;
        call.setOnReadyHandler(this::wakeAll);
    }

    @Override
    public void onNext(RecordingAck ack) {
        answers.add(ack);
    }

    @Override
    public void onError(Throwable error) {
        failure = Status.fromThrowable(error);
        answers.add(failure);
        wakeAll();
    }

    @Override
    public void onCompleted() {
        answers.add(COMPLETED);
        wakeAll();
    }

    private void wakeAll() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
        wake.run();
    }

    /** Why the stream failed, or {@code null} while it has not. */
    Status failure() {
        return failure;
    }

    /**
     * Starts the upload of a session's recording.
     *
     * @return how many bytes of it Auth holds already
     */
    long start(String sessionId, String nodeId, Duration timeout) throws UploadFailure, InterruptedException {
        send(RecordingPart.newBuilder().setStart(RecordingStart.newBuilder().setSessionId(sessionId)
                .setNodeId(nodeId)).build());
        return ack(timeout, "to the start of the upload").getReceived();
    }

    /** Sends bytes {@code from} to {@code to} of the file, in chunks as the stream can take them. */
    void sendFile(FileChannel file, long from, long to) throws UploadFailure, InterruptedException, IOException {
        long offset = from;
        while (offset < to) {
            int length = (int) Math.min(CHUNK, to - offset);
            ByteBuffer chunk = ByteBuffer.allocate(length);
            while (chunk.hasRemaining()) {
                if (file.read(chunk, offset + chunk.position()) < 0) {
                    throw new IOException(length - chunk.remaining() + offset + " bytes where there should be " + to);
                }
            }
            awaitReady();
            send(RecordingPart.newBuilder().setData(RecordingData.newBuilder().setOffset(offset)
                    .setData(ByteString.copyFrom(chunk.flip()))).build());
            offset += length;
        }
    }

    /** Ends the upload and waits until Auth has stored the recording. */
    void end(long size, boolean complete, Duration timeout) throws UploadFailure, InterruptedException {
        awaitReady();
        send(RecordingPart.newBuilder().setEnd(RecordingEnd.newBuilder().setSize(size).setComplete(complete))
                .build());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RecordingAck ack = ack(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
                    "with the recording stored");
            if (ack.getStored()) {
                break;
            }
        }
        ClientCallStreamObserver<RecordingPart> call = requests;
        try {
            call.onCompleted();
        } catch (RuntimeException e) {
            // cancelled since (mezd stops): the recording is stored all the same
        }
    }

    /** Gives the call up (after a failure, or when mezd stops). */
    void cancel(String why) {
        ClientCallStreamObserver<RecordingPart> call = requests;
        if (call != null && failure == null) {
            try {
                call.cancel(why, null);
            } catch (RuntimeException e) {
                // already over
            }
        }
    }

    private RecordingAck ack(Duration timeout, String what) throws UploadFailure, InterruptedException {
        Object answer = answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (answer instanceof RecordingAck ack) {
            return ack;
        }
        if (answer instanceof Status status) {
            throw new UploadFailure(status);
        }
        if (answer == COMPLETED) {
            throw new UploadFailure(Status.UNAVAILABLE.withDescription("Auth ended the upload without answering "
                    + what));
        }
        throw new UploadFailure(Status.DEADLINE_EXCEEDED.withDescription("Auth did not answer " + what + " within "
                + timeout.toSeconds() + " s"));
    }

    private void awaitReady() throws UploadFailure, InterruptedException {
        ClientCallStreamObserver<RecordingPart> call = requests;
        synchronized (monitor) {
            while (failure == null && call != null && !call.isReady()) {
                monitor.wait(1000); // woken by the ready handler; the timeout only guards against a missed wake-up
            }
        }
        Status failed = failure;
        if (failed != null) {
            throw new UploadFailure(failed);
        }
    }

    private void send(RecordingPart part) throws UploadFailure {
        Status failed = failure;
        if (failed != null) {
            throw new UploadFailure(failed);
        }
        try {
            requests.onNext(part);
        } catch (RuntimeException e) {
            throw new UploadFailure(Status.fromThrowable(e));
        }
    }
}
