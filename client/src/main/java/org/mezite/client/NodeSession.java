package org.mezite.client;

import java.util.function.Supplier;

import org.apache.sshd.client.session.ClientSession;

/**
 * An authenticated SSH session with a node, run through the proxy.
 *
 * @param session the SSH session
 * @param node    the node as the user named it
 * @param login   the Unix login on it
 * @param proxyErrors what the proxy has written on the channel's standard error so far: why it ended the connection
 *                (a lock) when it did
 */
record NodeSession(ClientSession session, String node, String login, Supplier<String> proxyErrors)
        implements AutoCloseable {

    /** Closes the session, waiting (a little) for the node to see it end, before the proxy connection goes. */
    @Override
    public void close() {
        session.close(false).awaitUninterruptibly(ClusterConnection.CLOSE_WAIT.toMillis());
    }
}
