package org.mezite.node.internal;

import java.io.IOException;

import org.apache.sshd.common.Service;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionService;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;

/**
 * MINA's connection service, except that a channel this server refuses to open carries the reason the user should
 * read ({@code channel 2: open failed: administratively prohibited: mezd: too many sessions ...} in OpenSSH) instead
 * of MINA's generic "Generic error while opening channel".
 */
final class NodeConnectionService extends ServerConnectionService {

    private NodeConnectionService(AbstractServerSession session) throws IOException {
        super(session);
    }

    /** Makes the connection service of each connection. */
    static final class Factory extends ServerConnectionServiceFactory {
        @Override
        public Service create(Session session) throws IOException {
            if (!(session instanceof AbstractServerSession server)) {
                throw new IOException("not a server session: " + session);
            }
            NodeConnectionService service = new NodeConnectionService(server);
            service.addPortForwardingEventListenerManager(this);
            return service;
        }
    }

    @Override
    protected IoWriteFuture sendChannelOpenFailure(Buffer buffer, long sender, int reasonCode, String message,
            String lang) throws IOException {
        Connection connection = Connection.of(getSession());
        String refusal = connection == null ? null : connection.takeOpenRefusal(sender);
        return super.sendChannelOpenFailure(buffer, sender, reasonCode, refusal != null ? refusal : message, lang);
    }
}
