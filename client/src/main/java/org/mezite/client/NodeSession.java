package org.mezite.client;

import org.apache.sshd.client.session.ClientSession;

/**
 * An authenticated SSH session with a node, run through the proxy.
 *
 * @param session the SSH session
 * @param node    the node as the user named it
 * @param login   the Unix login on it
 */
record NodeSession(ClientSession session, String node, String login) implements AutoCloseable {

    /** Closes the session, waiting (a little) for the node to see it end, before the proxy connection goes. */
    @Override
    public void close() {
        session.close(false).awaitUninterruptibly(ClusterConnection.CLOSE_WAIT.toMillis());
    }
}
