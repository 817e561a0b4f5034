package org.mezite.node.internal;

import java.util.EnumSet;
import java.util.Set;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;

/** An access checker whose answers a test sets: logins in the certificate, and the actions it lists. */
final class TestAccess implements AccessChecker {

    volatile boolean loginsAllowed = true;
    final Set<SshAction> actions = EnumSet.allOf(SshAction.class);
    volatile SshUser lastUser;
    volatile SshTarget lastTarget;

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        lastUser = user;
        lastTarget = node;
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
}
