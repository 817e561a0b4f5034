package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionService;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;

/**
 * The SSH connection service, with the proxy's own reason when it refuses to open a channel. MINA sends only a generic
 * text with a channel-open failure; a user reaching an unknown or offline node, or one they may not reach, should read
 * why ({@code ssh -J} prints it as {@code channel 0: open failed: connect failed: node "node-01" is offline}).
 */
final class ProxyConnectionService extends ServerConnectionService {

    /** Reasons by the client's channel id, set by a channel just before it fails its opening. */
    private final Map<Long, String> openFailures = new ConcurrentHashMap<>();

    private ProxyConnectionService(AbstractServerSession session) throws SshException {
        super(session);
    }

    /** Makes one per connection. */
    static final class Factory extends ServerConnectionServiceFactory {

        @Override
        public Service create(Session session) throws IOException {
            ProxyConnectionService service = new ProxyConnectionService((AbstractServerSession) session);
            service.addPortForwardingEventListenerManager(this);
            return service;
        }
    }

    /** The text to send when the channel the client numbered {@code recipient} fails to open. */
    void openFailureReason(long recipient, String reason) {
        openFailures.put(recipient, reason);
    }

    @Override
    protected IoWriteFuture sendChannelOpenFailure(Buffer buffer, long sender, int reasonCode, String message,
            String lang) throws IOException {
        String reason = openFailures.remove(sender);
        return super.sendChannelOpenFailure(buffer, sender, reasonCode, reason != null ? reason : message, lang);
    }
}
