package org.mezite.node.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.session.Session;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshUser;

/**
 * What the server knows about one SSH connection: where it comes from, the node identity it was offered, and once
 * authenticated, who the user is, as which login, with which role options, and which session channels are open.
 */
final class Connection {

    private static final AttributeKey<Connection> KEY = new AttributeKey<>();

    private final String id = UUID.randomUUID().toString();
    private final Origin origin;
    private final NodeIdentity identity;

    private final Set<NodeChannelSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> openRefusals = new ConcurrentHashMap<>();

    private volatile SshUser user;
    private volatile String login;
    private volatile SessionOptions options;
    private volatile String endReason;
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

    /** The role options the connection's sessions run with, as of the latest policy. */
    SessionOptions options() {
        return options;
    }

    void authenticated(SshUser user, String login, SessionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.user = user;
        this.login = login;
        this.authFailure = null;
    }

    void options(SessionOptions changed) {
        options = Objects.requireNonNull(changed, "options");
    }

    /**
     * Counts a new session channel in, unless that would exceed the roles' {@code max_sessions} or the connection is
     * being ended.
     *
     * @return why not, or {@code null} when it is counted in
     */
    synchronized String admit(NodeChannelSession session) {
        if (endReason != null) {
            return "mezd: " + endReason;
        }
        SessionOptions current = options;
        int max = current == null ? 0 : current.maxSessions();
        // a session whose channel is closing is over: its client may open the next one before the close completes
        if (max > 0 && sessions.stream().filter(open -> !open.isClosing()).count() >= max) {
            return "mezd: too many sessions on this connection: " + user.username() + "'s roles allow " + max
                    + " (max_sessions)";
        }
        sessions.add(session);
        return null;
    }

    void sessionClosed(NodeChannelSession session) {
        sessions.remove(session);
    }

    /** The session channels open now. */
    List<NodeChannelSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Marks the connection as being ended by the server (a lock): no session may start on it any more.
     *
     * @return true the first time, so that it is ended and audited once
     */
    synchronized boolean ending(String reason) {
        if (endReason != null) {
            return false;
        }
        endReason = Objects.requireNonNull(reason, "reason");
        return true;
    }

    /** Why the server is ending the connection, or {@code null}. */
    String endReason() {
        return endReason;
    }

    /**
     * The text to send for the channel the client numbered {@code recipient} when its opening fails: MINA sends a
     * generic one and keeps the exception's message to itself.
     */
    void refuseOpen(long recipient, String message) {
        openRefusals.put(recipient, message);
    }

    String takeOpenRefusal(long recipient) {
        return openRefusals.remove(recipient);
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
