package org.mezite.bench;

import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.util.closeable.AbstractCloseable;

/**
 * Gives an {@code SshClient} a transport made of {@code direct-tcpip} channels of another, already authenticated
 * session (see {@link ChannelIoConnector}): the second hop of {@code ssh -J}, inside one JVM and with no loopback TCP
 * port in between (MINA's own ProxyJump forwards a local port).
 */
final class ChannelIoServiceFactory extends AbstractCloseable implements IoServiceFactory {

    private IoServiceEventListener listener;

    @Override
    public IoConnector createConnector(IoHandler handler) {
        return new ChannelIoConnector(handler);
    }

    @Override
    public IoAcceptor createAcceptor(IoHandler handler) {
        throw new UnsupportedOperationException("a channel transport only connects");
    }

    @Override
    public IoServiceEventListener getIoServiceEventListener() {
        return listener;
    }

    @Override
    public void setIoServiceEventListener(IoServiceEventListener listener) {
        this.listener = listener;
    }
}
