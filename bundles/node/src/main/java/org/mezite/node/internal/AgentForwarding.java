package org.mezite.node.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/**
 * The node's side of {@code ssh -A}: once {@link ForwardingPolicy} allowed it, MINA asks this for the connection's
 * agent socket, made for the connection's login.
 */
final class AgentForwarding implements SshAgentFactory {

    private final UnixAccounts accounts;
    private final Path parent;
    private final ExecutorService executor;

    AgentForwarding(UnixAccounts accounts, Path parent, ExecutorService executor) {
        this.accounts = accounts;
        this.parent = parent;
        this.executor = executor;
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of(); // the node never accepts agent channels, it opens them
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        throw new IOException("the node's SSH server does not act as an agent client");
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) throws IOException {
        Connection connection = Connection.of(service.getSession());
        if (connection == null || !connection.isAuthenticated()) {
            throw new IOException("agent forwarding before authentication");
        }
        UnixAccount account = accounts.find(connection.login()).orElseThrow(
                () -> new IOException("login \"" + connection.login() + "\" does not exist on this host"));
        return AgentSocket.open(service, account, parent, executor);
    }
}
