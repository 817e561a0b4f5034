package org.mezite.proxy.ssh.internal;

import java.io.IOException;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * A {@code session} channel on the proxy: msh's {@code proxy:} subsystem, {@code ls} and {@code recordings}; a shell
 * or any other command gets a one-line refusal. Agent and X11 forwarding are refused.
 */
final class ProxySessionChannel extends ChannelSession {

    private final ProxyCommands commands;

    private ProxySessionChannel(ProxyCommands commands) {
        this.commands = commands;
    }

    /** Makes the channel for each {@code session} request. */
    static final class Factory implements ChannelFactory {

        private final ProxyCommands commands;

        Factory(ProxyCommands commands) {
            this.commands = commands;
        }

        @Override
        public String getName() {
            return "session";
        }

        @Override
        public Channel createChannel(Session session) {
            return new ProxySessionChannel(commands);
        }
    }

    @Override
    protected RequestHandler.Result handleShellParsed(String request) throws IOException {
        return run(request, commands.shell());
    }

    @Override
    protected RequestHandler.Result handleExecParsed(String request, String commandLine) throws IOException {
        return run(request, commands.exec(commandLine));
    }

    @Override
    protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem) throws IOException {
        Command command = commands.subsystem(subsystem);
        return command == null ? RequestHandler.Result.ReplyFailure : run(request, command);
    }

    @Override
    protected RequestHandler.Result handleAgentForwardingParsed(String requestType) {
        return RequestHandler.Result.ReplyFailure;
    }

    @Override
    protected RequestHandler.Result handleX11ForwardingParsed(String requestType, ServerSession session,
            boolean singleConnection, String authProtocol, String authCookie, int screenId) {
        return RequestHandler.Result.ReplyFailure;
    }

    private RequestHandler.Result run(String request, Command command) throws IOException {
        if (isClosing()) {
            return RequestHandler.Result.ReplyFailure;
        }
        commandInstance = command;
        return prepareChannelCommand(request, command);
    }
}
