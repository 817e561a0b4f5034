package org.mezite.proxy.ssh.internal;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.session.ServerSession;

/** Audits a connection that closes without an accepted certificate, once, with every reason its keys were refused. */
final class AuthFailureAudit implements SessionListener {

    private final ProxyAudit audit;

    AuthFailureAudit(ProxyAudit audit) {
        this.audit = audit;
    }

    @Override
    public void sessionClosed(Session session) {
        if (!(session instanceof ServerSession server) || server.isAuthenticated()) {
            return;
        }
        AuthFailures failures = server.getAttribute(ProxySessions.AUTH_FAILURES);
        if (failures != null) {
            audit.authenticationFailed(failures, ProxySessions.clientAddress(server));
        }
    }
}
