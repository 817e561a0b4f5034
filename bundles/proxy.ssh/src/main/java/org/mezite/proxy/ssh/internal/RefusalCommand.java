package org.mezite.proxy.ssh.internal;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/** Says why the proxy will not do what a session asked, on standard error, and exits with status 1. */
final class RefusalCommand extends ProxyCommand {

    static final String JUMP_HOST_ONLY = "this is a jump host; use msh ssh NODE or ssh -J";

    private final String message;

    RefusalCommand(String message) {
        this.message = message;
    }

    @Override
    public void start(ChannelSession session, Environment environment) {
        fail(message);
    }
}
