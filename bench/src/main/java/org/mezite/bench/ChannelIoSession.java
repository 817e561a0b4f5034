package org.mezite.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.io.AbstractIoWriteFuture;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoService;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;

/**
 * An SSH transport over one {@code direct-tcpip} channel. The channel's asynchronous streams accept one read and one
 * write at a time, so reads loop one after the other and writes are queued; the inner SSH session sees an ordinary
 * {@link IoSession}.
 */
final class ChannelIoSession extends AbstractCloseable implements IoSession {

    private static final AtomicLong IDS = new AtomicLong();
    private static final int READ_SIZE = 64 * 1024;
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 0);

    private final long id = IDS.incrementAndGet();
    private final IoService service;
    private final IoHandler handler;
    private final ChannelDirectTcpip channel;
    private final InetSocketAddress remote;
    private final Map<Object, Object> attributes = new ConcurrentHashMap<>();
    private final Buffer readBuffer = new ByteArrayBuffer(READ_SIZE);
    private final Object readLock = new Object();
    private final Deque<PendingWrite> writes = new ArrayDeque<>();
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private boolean readPending;
    private boolean readSuspended;
    private boolean writing;
    private DefaultCloseFuture drained;

    ChannelIoSession(IoService service, IoHandler handler, ChannelDirectTcpip channel, InetSocketAddress remote) {
        this.service = service;
        this.handler = handler;
        this.channel = channel;
        this.remote = remote;
        channel.addCloseFutureListener(closed -> close(true));
    }

    void startReading() {
        readLoop();
    }

    private void readLoop() {
        while (true) {
            synchronized (readLock) {
                if (readPending || readSuspended || isClosing()) {
                    return;
                }
                readPending = true;
            }
            readBuffer.clear();
            IoReadFuture future = channel.getAsyncOut().read(readBuffer);
            if (!future.isDone()) {
                future.addListener(done -> {
                    if (consume(done)) {
                        readLoop();
                    }
                });
                return;
            }
            if (!consume(future)) {
                return;
            }
        }
    }

    /** @return whether to read on */
    private boolean consume(IoReadFuture future) {
        synchronized (readLock) {
            readPending = false;
        }
        Throwable failure = future.getException();
        if (failure != null) {
            if (!(failure instanceof EOFException)) {
                notifyException(failure);
            }
            close(true);
            return false;
        }
        try {
            handler.messageReceived(this, future.getBuffer());
            return true;
        } catch (Exception e) {
            notifyException(e);
            close(true);
            return false;
        }
    }

    private void notifyException(Throwable failure) {
        try {
            handler.exceptionCaught(this, failure);
        } catch (Exception ignored) {
            // the session closes anyway
        }
    }

    @Override
    public IoWriteFuture writeBuffer(Buffer buffer) throws IOException {
        if (isClosing()) {
            throw new EOFException("the direct-tcpip channel to " + remote + " is closed");
        }
        // A plain view of the packet: MINA writes the channel header in place into its own packet buffers
        // (PacketBuffer) when they are exactly the data, which would overwrite this session's packet.
        PendingWrite write = new PendingWrite(new ByteArrayBuffer(buffer.array(), buffer.rpos(), buffer.available()));
        boolean start;
        synchronized (writes) {
            writes.add(write);
            start = !writing;
            writing = true;
        }
        if (start) {
            drainWrites();
        }
        return write;
    }

    private void drainWrites() {
        while (true) {
            PendingWrite write;
            DefaultCloseFuture nowDrained = null;
            synchronized (writes) {
                write = writes.peek();
                if (write == null) {
                    writing = false;
                    nowDrained = drained;
                }
            }
            if (write == null) {
                if (nowDrained != null) {
                    nowDrained.setClosed();
                }
                return;
            }
            IoWriteFuture future;
            try {
                future = channel.getAsyncIn().writeBuffer(write.buffer);
            } catch (IOException | RuntimeException e) {
                failWrites(e);
                close(true);
                return;
            }
            if (!future.isDone()) {
                future.addListener(done -> {
                    complete(write, done);
                    drainWrites();
                });
                return;
            }
            complete(write, future);
        }
    }

    private void complete(PendingWrite write, IoWriteFuture future) {
        synchronized (writes) {
            writes.poll();
        }
        write.setValue(future.isWritten() ? Boolean.TRUE : future.getException());
    }

    private void failWrites(Throwable failure) {
        synchronized (writes) {
            for (PendingWrite write : writes) {
                write.setValue(failure);
            }
            writes.clear();
            writing = false;
        }
    }

    @Override
    protected CloseFuture doCloseGracefully() {
        synchronized (writes) {
            if (writing) {
                drained = new DefaultCloseFuture(this, futureLock);
                return drained;
            }
        }
        return super.doCloseGracefully();
    }

    @Override
    protected void doCloseImmediately() {
        failWrites(new EOFException("closed"));
        channel.close(false);
        if (closeNotified.compareAndSet(false, true)) {
            try {
                handler.sessionClosed(this);
            } catch (Exception ignored) {
                // nothing left to tell
            }
        }
        super.doCloseImmediately();
    }

    @Override
    public void shutdownOutputStream() throws IOException {
        // closing the channel's async input sends EOF once what is queued has gone
        channel.getAsyncIn().close(false);
    }

    @Override
    public void suspendRead() {
        synchronized (readLock) {
            readSuspended = true;
        }
    }

    @Override
    public void resumeRead() {
        synchronized (readLock) {
            readSuspended = false;
        }
        readLoop();
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public SocketAddress getAcceptanceAddress() {
        return null;
    }

    @Override
    public SocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return LOCAL;
    }

    @Override
    public Object getAttribute(Object key) {
        return attributes.get(key);
    }

    @Override
    public Object setAttribute(Object key, Object value) {
        return attributes.put(key, value);
    }

    @Override
    public Object setAttributeIfAbsent(Object key, Object value) {
        return attributes.putIfAbsent(key, value);
    }

    @Override
    public Object removeAttribute(Object key) {
        return attributes.remove(key);
    }

    @Override
    public IoService getService() {
        return service;
    }

    @Override
    public String toString() {
        return "ChannelIoSession[" + id + " -> " + remote + "]";
    }

    private static final class PendingWrite extends AbstractIoWriteFuture {
        final Buffer buffer;

        PendingWrite(Buffer buffer) {
            super(buffer, null);
            this.buffer = buffer;
        }
    }
}
