package org.mezite.proxy.ssh.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ls [KEY=VALUE ...]}: prints the nodes the user can reach as JSON (see {@link NodeListing}). */
final class NodeListCommand extends ProxyCommand {

    private static final Logger LOG = LoggerFactory.getLogger(NodeListCommand.class);

    private final NodeListing listing;
    private final LabelFilter filter;
    private final Executor executor;

    NodeListCommand(NodeListing listing, LabelFilter filter, Executor executor) {
        this.listing = listing;
        this.filter = filter;
        this.executor = executor;
    }

    @Override
    public void start(ChannelSession session, Environment environment) {
        try {
            // the registry reads the database: not on an SSH server thread
            executor.execute(() -> list(session));
        } catch (RejectedExecutionException e) {
            fail("the proxy is shutting down");
        }
    }

    private void list(ChannelSession session) {
        String json;
        try {
            json = listing.json(ProxySessions.user(session.getSession()), filter);
        } catch (RuntimeException e) {
            LOG.error("proxy-ssh: ls failed", e);
            fail("ls: cannot list the nodes: internal error (see the hub's log)");
            return;
        }
        succeed(json);
    }
}
