package org.mezite.admin.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;

/** An access checker whose rules are a set of "resource:verb" granted to every non-operator caller. */
final class RuleBook implements AccessChecker {

    final Set<String> granted = new HashSet<>();
    final List<String> asked = new ArrayList<>();

    RuleBook grant(String resource, String verb) {
        granted.add(resource + ":" + verb);
        return this;
    }

    @Override
    public AccessDecision checkRule(Caller caller, String resource, String verb) {
        asked.add(resource + ":" + verb);
        if (caller.operator()) {
            return AccessDecision.allow("operator " + caller.name() + " at the console");
        }
        return granted.contains(resource + ":" + verb)
                ? AccessDecision.allow("role \"editor\" allows " + resource + ":" + verb)
                : AccessDecision.deny("no role of " + caller.name() + " allows " + verb + " on " + resource);
    }

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SessionOptions sessionOptions(SshUser user, SshTarget node) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Lock> lockFor(SshUser user, String login, SshTarget node) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccess userAccess(String username, List<String> roles, Map<String, List<String>> traits) {
        throw new UnsupportedOperationException();
    }
}
