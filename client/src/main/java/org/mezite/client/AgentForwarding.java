package org.mezite.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AgentDelegate;
import org.apache.sshd.agent.local.AgentImpl;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;

/**
 * The agent {@code msh ssh -A} forwards: the user's own agent ({@code SSH_AUTH_SOCK}) when there is one, byte for
 * byte; otherwise an agent inside msh that holds msh's key and certificate, so that an onward {@code ssh} from the
 * node authenticates as the same Mezite user. Either way msh itself keeps authenticating with its own certificate:
 * the agent serves the forwarded channels only.
 */
final class AgentForwarding implements SshAgentFactory {

    static final String CHANNEL_TYPE = "auth-agent@openssh.com";
    private static final String CERTIFICATE_SUFFIX = "-cert-v01@openssh.com";

    private final List<ChannelFactory> channels;

    private AgentForwarding(ChannelFactory channel) {
        this.channels = List.of(channel);
    }

    static SshAgentFactory of(Map<String, String> environment, Credentials credentials) {
        String socket = environment.get("SSH_AUTH_SOCK");
        if (socket != null && !socket.isBlank() && Files.exists(Path.of(socket))) {
            return new AgentForwarding(new UnixAgentChannel.Factory(CHANNEL_TYPE, Path.of(socket)));
        }
        AgentImpl agent = new AgentImpl();
        try {
            String comment = credentials.user() + "@" + credentials.cluster();
            agent.addIdentity(credentials.certified(), comment);
            agent.addIdentity(credentials.plain(), comment);
        } catch (IOException e) {
            throw MshException.failed("cannot hold the key in msh's agent: " + e.getMessage());
        }
        return new AgentForwarding(new LocalAgentChannel.Factory(CHANNEL_TYPE, new CertificateSigning(agent)));
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return channels;
    }

    /** None: msh does not authenticate through the agent it forwards. */
    @Override
    public SshAgent createClient(Session session, FactoryManager manager) {
        return null;
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        return null;
    }

    /**
     * MINA's in-memory agent signs only with plain keys; a signature for a certificate is the signature of its key,
     * by the key's own algorithm ({@code ssh-ed25519} for {@code ssh-ed25519-cert-v01@openssh.com}), which is also
     * the name OpenSSH expects in the agent's answer.
     */
    private static final class CertificateSigning extends AgentDelegate {
        CertificateSigning(SshAgent agent) {
            super(agent);
        }

        @Override
        public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algorithm, byte[] data)
                throws IOException {
            if (key instanceof OpenSshCertificate certificate) {
                return super.sign(session, certificate.getCertPubKey(), algorithm == null ? null
                        : algorithm.replace(CERTIFICATE_SUFFIX, ""), data);
            }
            return super.sign(session, key, algorithm, data);
        }
    }
}
