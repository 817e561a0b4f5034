package org.mezite.client;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.common.AbstractAgentClient;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.channel.AbstractServerChannel;

/** A forwarded agent channel answered by an agent inside msh, in the agent protocol. */
final class LocalAgentChannel extends AbstractServerChannel {

    private final SshAgent agent;
    private OutputStream toNode;
    private Requests requests;

    private LocalAgentChannel(SshAgent agent) {
        super(null);
        this.agent = agent;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        OpenFuture opened = new DefaultOpenFuture(this, this);
        toNode = new ChannelOutputStream(this, getRemoteWindow(), log, SshConstants.SSH_MSG_CHANNEL_DATA, true);
        requests = new Requests();
        signalChannelOpenSuccess();
        opened.setOpened();
        return opened;
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        requests.messageReceived(new ByteArrayBuffer(data, off, (int) len));
        getLocalWindow().release(len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        throw new IOException("an agent channel carries no extended data");
    }

    private final class Requests extends AbstractAgentClient {
        Requests() {
            super(agent);
        }

        @Override
        protected void reply(Buffer answer) throws IOException {
            toNode.write(answer.array(), answer.rpos(), answer.available());
            toNode.flush();
        }
    }

    /** Makes a channel answered by the agent for each forwarded agent channel the node opens. */
    static final class Factory implements ChannelFactory {
        private final String name;
        private final SshAgent agent;

        Factory(String name, SshAgent agent) {
            this.name = name;
            this.agent = agent;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Channel createChannel(Session session) {
            return new LocalAgentChannel(agent);
        }
    }
}
