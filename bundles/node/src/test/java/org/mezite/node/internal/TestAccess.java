package org.mezite.node.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTargetKind;

/**
 * An access checker whose answers a test sets: logins in the certificate, the actions it lists, the role options it
 * holds; and, like the real one, the locks of the policy its source holds now.
 */
final class TestAccess implements AccessChecker {

    volatile boolean loginsAllowed = true;
    final Set<SshAction> actions = EnumSet.allOf(SshAction.class);
    volatile Duration clientIdleTimeout;
    volatile int maxSessions;
    volatile RecordSessionMode recordSession = RecordSessionMode.BEST_EFFORT;
    volatile SshUser lastUser;
    volatile SshTarget lastTarget;
    private final TestPolicySource policies;

    TestAccess(TestPolicySource policies) {
        this.policies = policies;
    }

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        lastUser = user;
        lastTarget = node;
        Optional<Lock> lock = lockFor(user, login, node);
        if (lock.isPresent()) {
            return AccessDecision.deny(LockedException.describe(lock.get()));
        }
        if (!loginsAllowed) {
            return AccessDecision.deny("role \"dev\" allows no login on " + node.nodeName());
        }
        return user.logins().contains(login) ? AccessDecision.allow("in the certificate")
                : AccessDecision.deny("login \"" + login + "\" is not in the certificate");
    }

    @Override
    public synchronized AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        return actions.contains(action) ? AccessDecision.allow(action + " allowed")
                : AccessDecision.deny("role \"dev\" does not allow " + action);
    }

    @Override
    public SessionOptions sessionOptions(SshUser user, SshTarget node) {
        return new SessionOptions(SessionOptions.DEFAULT_MAX_SESSION_TTL, true, true, true, clientIdleTimeout, true,
                maxSessions, recordSession);
    }

    @Override
    public Optional<Lock> lockFor(SshUser user, String login, SshTarget node) {
        return policies.current().locks().stream().filter(lock -> covers(lock, user, login, node)).findFirst();
    }

    private static boolean covers(Lock lock, SshUser user, String login, SshTarget node) {
        String value = lock.target().value();
        LockTargetKind kind = lock.target().kind();
        return switch (kind) {
            case USER -> value.equals(user.username());
            case ROLE -> user.roles().contains(value);
            case LOGIN -> value.equals(login);
            case NODE -> node != null && (value.equals(node.nodeId()) || value.equals(node.nodeName()));
        };
    }

    @Override
    public UserAccess userAccess(String username, List<String> roles, Map<String, List<String>> traits) {
        throw new UnsupportedOperationException("the node never issues certificates");
    }

    @Override
    public AccessDecision checkRule(Caller caller, String resource, String verb) {
        return AccessDecision.deny("the node has no administrative API");
    }
}
