package org.mezite.proxy.ssh.internal;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.session.ServerSession;
import org.mezite.api.access.SshUser;

/** What the proxy keeps on each SSH connection. */
final class ProxySessions {

    /** The user of an authenticated connection, from their certificate. */
    static final AttributeKey<SshUser> USER = new AttributeKey<>();
    /** Why the keys offered on a connection were refused, until one is accepted. */
    static final AttributeKey<AuthFailures> AUTH_FAILURES = new AttributeKey<>();
    /** The nodes a connection reaches. */
    static final AttributeKey<LiveRoutes> ROUTES = new AttributeKey<>();
    /** Set once a lock ends the connection, so that it is ended once. */
    static final AttributeKey<Boolean> LOCKED_OUT = new AttributeKey<>();

    private ProxySessions() {
    }

    /** The authenticated user; channels open only after authentication, so there is one. */
    static SshUser user(ServerSession session) {
        SshUser user = session.getAttribute(USER);
        if (user == null) {
            throw new IllegalStateException("no authenticated user on " + session);
        }
        return user;
    }

    static LiveRoutes routes(ServerSession session) {
        return session.computeAttributeIfAbsent(ROUTES, key -> new LiveRoutes());
    }

    static String clientAddress(ServerSession session) {
        return Addresses.format(session.getClientAddress());
    }
}
