package org.mezite.node.internal;

import org.apache.sshd.client.channel.AsyncCapableClientChannel;

/** A channel the node opens back to the client's SSH agent ({@code ssh -A}), one per agent connection on the node. */
final class AgentChannel extends AsyncCapableClientChannel {

    static final String TYPE = "auth-agent@openssh.com";

    AgentChannel() {
        super(TYPE, false);
    }
}
