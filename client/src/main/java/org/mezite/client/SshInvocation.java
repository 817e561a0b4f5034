package org.mezite.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.EnumSet;

import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.client.session.ClientSession;

/** Carries out {@code msh ssh}: connect to the proxy, then to the node or nodes, and run what was asked. */
final class SshInvocation {

    private final MshContext context;
    private final PrintWriter err;

    SshInvocation(MshContext context, PrintWriter err) {
        this.context = context;
        this.err = err;
    }

    int run(SshSettings settings) {
        Credentials credentials = Credentials.load(context.home(), context.clock().instant());
        Destination destination = Destination.parse(settings.destination(), credentials.cluster());
        String login = destination.login(settings.login(), null);
        if (login == null) {
            login = credentials.defaultLogin();
        }
        if (destination.selector() != null) {
            checkForSeveralNodes(settings);
        }
        StringBuilder warning = new StringBuilder();
        boolean pty = settings.pty(context.stdio().terminal(), warning);
        if (warning.length() > 0) {
            err.println(warning);
            err.flush();
        }
        SshAgentFactory agent = settings.agent() ? AgentForwarding.of(context.environment(), credentials) : null;
        ClusterConnection.Options options = new ClusterConnection.Options(agent, !settings.remote().isEmpty());
        try (ClusterConnection cluster = ClusterConnection.open(context.home(), credentials, options)) {
            if (destination.selector() != null) {
                return new MultiNodeRun(cluster, context, err).run(destination.selector(), login, settings);
            }
            try (NodeSession node = cluster.openNode(login, destination.node(), settings.port())) {
                return runOn(node, settings, pty);
            }
        }
    }

    private int runOn(NodeSession node, SshSettings settings, boolean pty) {
        ClientSession session = node.session();
        PortForwards.start(session, settings.local(), settings.remote(), settings.dynamic(), err);
        if (settings.noCommand()) {
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), 0L);
            return 0;
        }
        StdIo io = context.stdio();
        if (settings.nullStdin()) {
            io = new StdIo(InputStream.nullInputStream(), io.out(), io.err(), false);
        }
        Terminal terminal = pty && io.terminal() ? Terminal.controlling() : null;
        try {
            int status = new RemoteSession(session, node.node(), io, context.environment()).run(
                    new RemoteSession.Request(settings.command(), pty, settings.agent(), settings.escape()),
                    terminal);
            if (status == MshException.CONNECTION) {
                // the connection went without an exit status: the proxy may have said why (a lock)
                String reason = node.proxyErrors().get().strip();
                if (!reason.isEmpty()) {
                    err.println(reason);
                    err.flush();
                }
            }
            return status;
        } catch (IOException e) {
            throw new MshException(MshException.CONNECTION, "the session with node \"" + node.node()
                    + "\" failed: " + ClusterConnection.message(e));
        }
    }

    private static void checkForSeveralNodes(SshSettings settings) {
        if (settings.command() == null) {
            throw MshException.usage("a label selector needs a command to run on each node");
        }
        if (!settings.local().isEmpty() || !settings.remote().isEmpty() || !settings.dynamic().isEmpty()
                || settings.ttyRequests() > 0) {
            throw MshException.usage("-L, -R, -D and -t work with one node, not with a label selector");
        }
    }
}
