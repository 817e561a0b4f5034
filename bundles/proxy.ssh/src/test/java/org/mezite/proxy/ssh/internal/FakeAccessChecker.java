package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.access.Caller;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;

/**
 * Access as a simple rule set: the nodes named in {@code deniedNodes} are closed to everyone, a login must be one of
 * the certificate's principals, and the locks of the policy source's current policy apply as the real checker's do
 * (user, role, login, node id). Records every login question asked. Rules ({@code checkRule}) are denied unless a
 * test allows them.
 */
final class FakeAccessChecker implements AccessChecker {

    record Question(SshUser user, String login, SshTarget node) {
    }

    private final Set<String> deniedNodes;
    private final AccessPolicySource policies;
    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private final Set<String> allowedRules = ConcurrentHashMap.newKeySet();
    private final List<Caller> callers = new CopyOnWriteArrayList<>();

    FakeAccessChecker(Set<String> deniedNodes, AccessPolicySource policies) {
        this.deniedNodes = Set.copyOf(deniedNodes);
        this.policies = policies;
    }

    List<Question> questions() {
        return List.copyOf(questions);
    }

    /** Lets every caller do {@code verb} on {@code resource}; everything else stays denied. */
    void allowRule(String resource, String verb) {
        allowedRules.add(resource + ":" + verb);
    }

    void denyRule(String resource, String verb) {
        allowedRules.remove(resource + ":" + verb);
    }

    /** The callers of {@link #checkRule}, in order. */
    List<Caller> ruleCallers() {
        return List.copyOf(callers);
    }

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        questions.add(new Question(user, login, node));
        Optional<Lock> lock = lockFor(user, login, node);
        if (lock.isPresent()) {
            return AccessDecision.deny(LockedException.describe(lock.get()));
        }
        if (deniedNodes.contains(node.nodeName())) {
            return AccessDecision.deny("no role of " + user.username() + " allows node " + node.nodeName());
        }
        if (login != null && !user.logins().contains(login)) {
            return AccessDecision.deny("login \"" + login + "\" is not among the logins of " + user.username()
                    + "'s certificate (" + String.join(", ", user.logins()) + ")");
        }
        return AccessDecision.allow("role dev");
    }

    @Override
    public Optional<Lock> lockFor(SshUser user, String login, SshTarget node) {
        return policies.current().locks().stream().filter(lock -> switch (lock.target().kind()) {
            case USER -> lock.target().value().equals(user.username());
            case ROLE -> user.roles().contains(lock.target().value());
            case LOGIN -> lock.target().value().equals(login);
            case NODE -> node != null && lock.target().value().equals(node.nodeId());
        }).findFirst();
    }

    @Override
    public AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        return AccessDecision.deny("not asked of the proxy");
    }

    @Override
    public SessionOptions sessionOptions(SshUser user, SshTarget node) {
        throw new UnsupportedOperationException("not asked of the proxy");
    }

    @Override
    public UserAccess userAccess(String username, List<String> roles, Map<String, List<String>> traits) {
        throw new UnsupportedOperationException("not asked of the proxy");
    }

    @Override
    public AccessDecision checkRule(Caller caller, String resource, String verb) {
        callers.add(caller);
        return allowedRules.contains(resource + ":" + verb)
                ? AccessDecision.allow("role dev allows " + resource + ":" + verb)
                : AccessDecision.deny("no role of " + caller.name() + " allows " + resource + ":" + verb);
    }
}
