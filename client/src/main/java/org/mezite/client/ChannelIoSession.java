package org.mezite.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.channel.ClientChannel;
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
 * An SSH transport that runs over a channel of another SSH session instead of a socket: msh's session with a node
 * runs over the proxy's {@code proxy:LOGIN@NODE:PORT} channel. MINA's own ProxyJump support listens on a loopback
 * port and forwards it; this spares that socket, its copies and the chance that another local user connects first.
 * <p>
 * The channel must be in asynchronous mode. Reads are chained one after the other; the channel releases its window
 * as this session takes the data, so a slow reader slows the node down rather than filling memory. Writes are
 * queued, since the channel accepts one at a time and the SSH session writes from several threads.
 */
final class ChannelIoSession extends AbstractCloseable implements IoSession {

    private static final int READ_SIZE = 64 * 1024;

    private final long id;
    private final ClientChannel channel;
    private final IoHandler handler;
    private final IoService service;
    private final SocketAddress remoteAddress;
    private final Map<Object, Object> attributes = new ConcurrentHashMap<>();
    private final Buffer readBuffer = new ByteArrayBuffer(READ_SIZE, false);
    private final Deque<QueuedWrite> writes = new ArrayDeque<>();
    private final DefaultCloseFuture writesDone;
    private boolean writing;
    private boolean closedNotified;

    /**
     * @param channel       an open channel in asynchronous mode whose data is the node's SSH connection
     * @param handler       MINA's session factory, which makes the SSH session on {@link #create()}
     * @param remoteAddress the node as the session should name it (its host is checked against the certificate)
     */
    ChannelIoSession(long id, ClientChannel channel, IoHandler handler, IoService service,
            SocketAddress remoteAddress) {
        super("ChannelIoSession[" + id + "]");
        this.id = id;
        this.channel = channel;
        this.handler = handler;
        this.service = service;
        this.remoteAddress = remoteAddress;
        this.writesDone = new DefaultCloseFuture(this, futureLock);
    }

    /** Makes the SSH session on top of this transport; it starts by writing its identification. */
    void create() throws Exception {
        channel.addCloseFutureListener(closed -> close(true));
        handler.sessionCreated(this);
    }

    /** Starts handing the channel's data to the SSH session: call once the session is known to the client. */
    void startReading() {
        readNext();
    }

    private void readNext() {
        while (!isClosing()) {
            readBuffer.clear();
            IoReadFuture read;
            try {
                read = channel.getAsyncOut().read(readBuffer);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (!read.isDone()) {
                read.addListener(this::readDone);
                return;
            }
            if (!deliver(read)) {
                return;
            }
        }
    }

    private void readDone(IoReadFuture read) {
        if (deliver(read)) {
            readNext();
        }
    }

    /** @return whether to read on */
    private boolean deliver(IoReadFuture read) {
        Throwable failure = read.getException();
        if (failure != null) {
            if (failure instanceof EOFException) {
                close(false);
            } else {
                failed(failure);
            }
            return false;
        }
        try {
            handler.messageReceived(this, read.getBuffer());
            return true;
        } catch (Throwable e) {
            failed(e);
            return false;
        }
    }

    private void failed(Throwable e) {
        try {
            handler.exceptionCaught(this, e);
        } catch (Exception ignored) {
            // the session is going away anyway
        } finally {
            close(true);
        }
    }

    @Override
    public IoWriteFuture writeBuffer(Buffer buffer) throws IOException {
        QueuedWrite write = new QueuedWrite(buffer);
        boolean start;
        synchronized (writes) {
            if (isClosing()) {
                write.future.setValue(new EOFException("the connection through the proxy is closed"));
                return write.future;
            }
            writes.add(write);
            start = !writing;
            writing = true;
        }
        if (start) {
            writeQueued();
        }
        return write.future;
    }

    /** Writes the queue out, one channel write at a time; a write that must wait continues from its listener. */
    private void writeQueued() {
        while (true) {
            QueuedWrite next;
            synchronized (writes) {
                next = writes.poll();
                if (next == null) {
                    writing = false;
                    writes.notifyAll();
                    if (isClosing()) {
                        writesDone.setClosed();
                    }
                    return;
                }
            }
            IoWriteFuture written;
            try {
                written = channel.getAsyncIn().writeBuffer(next.buffer);
            } catch (IOException | RuntimeException e) {
                next.future.setValue(e);
                failPending(e);
                return;
            }
            if (!written.isDone()) {
                written.addListener(done -> {
                    complete(next, done);
                    writeQueued();
                });
                return;
            }
            complete(next, written);
        }
    }

    private static void complete(QueuedWrite write, IoWriteFuture done) {
        write.future.setValue(done.isWritten() ? Boolean.TRUE : done.getException());
    }

    private void failPending(Throwable e) {
        synchronized (writes) {
            for (QueuedWrite write : writes) {
                write.future.setValue(e);
            }
            writes.clear();
            writing = false;
            writesDone.setClosed();
        }
    }

    @Override
    protected CloseFuture doCloseGracefully() {
        synchronized (writes) {
            if (!writing) {
                writesDone.setClosed();
            }
        }
        return writesDone;
    }

    @Override
    protected void doCloseImmediately() {
        failPending(new EOFException("the connection through the proxy is closed"));
        channel.close(false);
        boolean notify;
        synchronized (writes) {
            notify = !closedNotified;
            closedNotified = true;
        }
        if (notify) {
            try {
                handler.sessionClosed(this);
            } catch (Exception ignored) {
                // nothing more to tell the session
            }
        }
        super.doCloseImmediately();
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
        return remoteAddress;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return channel.getSession().getIoSession().getLocalAddress();
    }

    @Override
    public Object getAttribute(Object key) {
        return attributes.get(key);
    }

    @Override
    public Object setAttribute(Object key, Object value) {
        return value == null ? attributes.remove(key) : attributes.put(key, value);
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
    public void shutdownOutputStream() throws IOException {
        channel.getAsyncIn().close(false);
    }

    /** The SSH transport never pauses reading; the channel's window is what holds the node back. */
    @Override
    public void suspendRead() {
        // not needed for a transport
    }

    @Override
    public void resumeRead() {
        // not needed for a transport
    }

    @Override
    public String toString() {
        return "ChannelIoSession[" + id + " to " + remoteAddress + " over " + channel + "]";
    }

    private static final class QueuedWrite {
        final Buffer buffer;
        final AbstractIoWriteFuture future;

        QueuedWrite(Buffer buffer) {
            // the bytes as they are now, like a socket write takes them: the session may move the buffer's positions
            this.buffer = new ByteArrayBuffer(buffer.array(), buffer.rpos(), buffer.available());
            this.future = new AbstractIoWriteFuture(buffer, null) {
            };
        }
    }
}
