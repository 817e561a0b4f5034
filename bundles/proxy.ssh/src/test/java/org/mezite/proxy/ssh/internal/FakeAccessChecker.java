package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;

/**
 * Access as a simple rule set: the nodes named in {@code deniedNodes} are closed to everyone, and a login must be one of
 * the certificate's principals. Records every question asked.
 */
final class FakeAccessChecker implements AccessChecker {

    record Question(SshUser user, String login, SshTarget node) {
    }

    private final Set<String> deniedNodes;
    private final List<Question> questions = new CopyOnWriteArrayList<>();

    FakeAccessChecker(Set<String> deniedNodes) {
        this.deniedNodes = Set.copyOf(deniedNodes);
    }

    List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        questions.add(new Question(user, login, node));
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
    public AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        return AccessDecision.deny("not asked of the proxy");
    }
}
