package org.mezite.node.internal;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.session.Session;
import org.mezite.api.access.SshUser;

/**
 * What the server knows about one SSH connection: where it comes from, the node identity it was offered, and once
 * authenticated, who the user is and as which login.
 */
final class Connection {

    private static final AttributeKey<Connection> KEY = new AttributeKey<>();

    private final String id = UUID.randomUUID().toString();
    private final Origin origin;
    private final NodeIdentity identity;

    private volatile SshUser user;
    private volatile String login;
    private volatile AuthFailure authFailure;
    private volatile boolean rejected;
    private volatile boolean bannerSent;
    private volatile ScheduledFuture<?> expiry;
    private volatile OpenSshCertificate pending;

    /**
     * @param reason       why the last authentication attempt failed
     * @param login        the login it asked for
     * @param certificate  whether that attempt offered a certificate
     * @param serial       the certificate's serial, when it did
     * @param username     the certificate's user, when it did
     */
    record AuthFailure(String reason, String login, boolean certificate, long serial, String username) {
    }

    Connection(Origin origin, NodeIdentity identity) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    static void attach(Session session, Connection connection) {
        session.setAttribute(KEY, connection);
    }

    /** The connection's state; {@code null} only for a session the server never set up (it then refuses all). */
    static Connection of(Session session) {
        return session.getAttribute(KEY);
    }

    /** @throws IllegalStateException when the session was not set up by this server or is not authenticated */
    static Connection authenticated(Session session) {
        Connection connection = of(session);
        if (connection == null || connection.user == null) {
            throw new IllegalStateException("the connection is not authenticated");
        }
        return connection;
    }

    String id() {
        return id;
    }

    Origin origin() {
        return origin;
    }

    NodeIdentity identity() {
        return identity;
    }

    SshUser user() {
        return user;
    }

    String login() {
        return login;
    }

    boolean isAuthenticated() {
        return user != null;
    }

    void authenticated(SshUser user, String login) {
        this.user = user;
        this.login = login;
        this.authFailure = null;
    }

    void authFailed(AuthFailure failure) {
        // a certificate's failure says more than a plain key offered after it
        AuthFailure previous = authFailure;
        if (previous == null || failure.certificate() || !previous.certificate()) {
            authFailure = failure;
        }
    }

    AuthFailure authFailure() {
        return authFailure;
    }

    /** @return true the first time: access is audited as denied once per connection */
    synchronized boolean markRejected() {
        boolean first = !rejected;
        rejected = true;
        return first;
    }

    boolean wasRejected() {
        return rejected;
    }

    /** @return true the first time: one explanation per connection is enough */
    synchronized boolean markBannerSent() {
        boolean first = !bannerSent;
        bannerSent = true;
        return first;
    }

    /** The certificate being authenticated right now, which MINA's authenticator hook must see again. */
    OpenSshCertificate pending() {
        return pending;
    }

    void pending(OpenSshCertificate certificate) {
        pending = certificate;
    }

    void expiry(ScheduledFuture<?> task) {
        expiry = task;
    }

    void close() {
        ScheduledFuture<?> task = expiry;
        if (task != null) {
            task.cancel(false);
        }
    }
}
