package org.mezite.node.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.api.recording.RecordingHeader;
import org.mezite.api.recording.SessionRecorder;
import org.mezite.api.recording.SessionRecording;

/** A session recorder that keeps what it is fed in memory, and lets a test fail a recording or make it throw. */
final class TestRecorder implements SessionRecorder {

    /** One session's recording as fed. */
    static final class Fed implements SessionRecording {
        final RecordingHeader header;
        final Consumer<String> onFailure;
        final List<String> resizes = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final boolean throwing;

        Fed(RecordingHeader header, Consumer<String> onFailure, boolean throwing) {
            this.header = header;
            this.onFailure = onFailure;
            this.throwing = throwing;
        }

        @Override
        public synchronized void output(byte[] data, int offset, int length) {
            if (throwing) {
                throw new IllegalStateException("a recorder's bug");
            }
            output.write(data, offset, length);
        }

        @Override
        public void resize(int columns, int rows) {
            resizes.add(columns + "x" + rows);
        }

        @Override
        public void end() {
            ended.countDown();
        }

        synchronized String output() {
            return output.toString(StandardCharsets.UTF_8);
        }

        boolean awaitEnd() throws InterruptedException {
            return ended.await(TestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    final BlockingQueue<Fed> started = new LinkedBlockingQueue<>();
    volatile boolean throwing;

    @Override
    public SessionRecording start(RecordingHeader header, Consumer<String> onFailure) {
        Fed fed = new Fed(header, onFailure, throwing);
        started.add(fed);
        return fed;
    }

    Fed next() throws InterruptedException {
        Fed fed = started.poll(TestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
        if (fed == null) {
            throw new AssertionError("no session was recorded");
        }
        return fed;
    }
}
