package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.io.AbstractIoWriteFuture;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.junit.jupiter.api.Test;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelReceiver;

/** Back-pressure and EOF through the pipe, with writes that complete when the test says so. */
class TunnelPipeTest {

    private final FakeChannel channel = new FakeChannel();
    private final FakeConnection connection = new FakeConnection();
    private final TunnelPipe pipe = new TunnelPipe(channel);

    @Test
    void theClientMaySendMoreOnlyOnceTheNodeTookItsBytes() {
        pipe.connect(connection);
        pipe.fromClient(bytes("abc"), 0, 3);
        assertThat(connection.written()).containsExactly("abc");
        assertThat(channel.released.get()).isZero();

        pipe.fromClient(bytes("de"), 0, 2);
        pipe.fromClient(bytes("xfx"), 1, 1);
        assertThat(connection.written()).as("one write at a time").containsExactly("abc");

        connection.completeNext();
        assertThat(channel.released.get()).isEqualTo(3);
        assertThat(connection.written()).as("what waited goes in one write").containsExactly("abc", "def");

        connection.completeNext();
        assertThat(channel.released.get()).isEqualTo(6);
    }

    @Test
    void bytesBeforeTheConnectionWaitForIt() {
        pipe.fromClient(bytes("early"), 0, 5);
        assertThat(channel.released.get()).isZero();
        pipe.connect(connection);
        assertThat(connection.written()).containsExactly("early");
        assertThat(connection.started).isTrue();
    }

    @Test
    void theClientsEofReachesTheNodeAfterItsBytes() {
        pipe.connect(connection);
        pipe.fromClient(bytes("last"), 0, 4);
        pipe.clientEnded();
        assertThat(connection.shutdown).isFalse();
        connection.completeNext();
        assertThat(connection.shutdown).isTrue();
    }

    @Test
    void theNodeHearsItsBytesWereConsumedOnlyOnceTheyWereSentToTheClient() {
        pipe.connect(connection);
        AtomicInteger consumed = new AtomicInteger();
        pipe.onData(ByteBuffer.wrap(bytes("hello")), consumed::incrementAndGet);
        assertThat(channel.sent()).as("in packets the client takes, one at a time").containsExactly("hell");
        channel.completeNext();
        assertThat(channel.sent()).containsExactly("hell", "o");
        assertThat(consumed.get()).isZero();
        channel.completeNext();
        assertThat(consumed.get()).isEqualTo(1);
    }

    @Test
    void theNodesEofReachesTheClientAfterItsBytesAndBothEndsFinishTheChannel() {
        pipe.connect(connection);
        pipe.onData(ByteBuffer.wrap(bytes("bye!bye")), () -> { });
        pipe.onEnd(); // the tunnel may end before the last frame is out
        channel.completeNext();
        assertThat(channel.nodeEnded).isFalse();
        channel.completeNext();
        assertThat(channel.sent()).containsExactly("bye!", "bye");
        assertThat(channel.nodeEnded).isTrue();
        assertThat(channel.finished).isFalse();
        pipe.clientEnded();
        assertThat(channel.finished).isTrue();
    }

    @Test
    void theNodesBytesMayComeReadOnly() {
        pipe.connect(connection);
        pipe.onData(ByteBuffer.wrap(bytes("abc")).asReadOnlyBuffer(), () -> { });
        assertThat(channel.sent()).containsExactly("abc");
    }

    @Test
    void aConnectionDialledAfterTheChannelClosedIsClosed() {
        pipe.close();
        pipe.connect(connection);
        assertThat(connection.closed).isTrue();
        assertThat(connection.started).isFalse();
    }

    @Test
    void aFailedWriteBreaksTheChannel() {
        pipe.connect(connection);
        pipe.fromClient(bytes("x"), 0, 1);
        connection.failNext();
        assertThat(channel.broken).isNotNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class FakeConnection implements TunnelConnection {
        private final List<String> writes = new ArrayList<>();
        private final List<CompletableFuture<Void>> pending = new ArrayList<>();
        boolean started;
        boolean shutdown;
        boolean closed;

        List<String> written() {
            return writes;
        }

        void completeNext() {
            pending.remove(0).complete(null);
        }

        void failNext() {
            pending.remove(0).completeExceptionally(new IllegalStateException("tunnel gone"));
        }

        @Override
        public void start(TunnelReceiver receiver) {
            started = true;
        }

        @Override
        public CompletableFuture<Void> write(ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            writes.add(new String(copy, StandardCharsets.US_ASCII));
            CompletableFuture<Void> future = new CompletableFuture<>();
            pending.add(future);
            return future;
        }

        @Override
        public void shutdownOutput() {
            shutdown = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class FakeChannel extends AbstractCloseable implements TunnelPipe.ChannelSide, IoOutputStream {
        final AtomicInteger released = new AtomicInteger();
        private final List<String> sent = new ArrayList<>();
        private final List<WriteFuture> pending = new ArrayList<>();
        boolean nodeEnded;
        boolean finished;
        Throwable broken;

        List<String> sent() {
            return sent;
        }

        void completeNext() {
            pending.remove(0).written();
        }

        @Override
        public IoWriteFuture writeBuffer(Buffer buffer) {
            sent.add(new String(buffer.array(), buffer.rpos(), buffer.available(), StandardCharsets.US_ASCII));
            WriteFuture future = new WriteFuture();
            pending.add(future);
            return future;
        }

        @Override
        public IoOutputStream clientOutput() {
            return this;
        }

        @Override
        public int clientPacketSize() {
            return 4;
        }

        @Override
        public Buffer packetBuffer(int length) {
            ByteArrayBuffer buffer = new ByteArrayBuffer(length + 14);
            buffer.wpos(14);
            return buffer;
        }

        @Override
        public void released(int length) {
            released.addAndGet(length);
        }

        @Override
        public void nodeEnded() {
            nodeEnded = true;
        }

        @Override
        public void finished() {
            finished = true;
        }

        @Override
        public void broken(Throwable cause) {
            broken = cause;
        }
    }

    private static final class WriteFuture extends AbstractIoWriteFuture {
        WriteFuture() {
            super("test", null);
        }

        void written() {
            setValue(Boolean.TRUE);
        }
    }
}
