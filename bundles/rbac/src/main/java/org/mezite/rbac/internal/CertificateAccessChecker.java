package org.mezite.rbac.internal;

import java.util.Map;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.osgi.service.component.annotations.Component;

/**
 * Access as the user's certificate states it, until the role model decides: Auth puts the logins a user may use in
 * the certificate's principals and the forwarding it allows in its extensions, and this checker grants exactly that,
 * on every node. Anything the certificate does not name is denied.
 */
@Component(service = AccessChecker.class)
public final class CertificateAccessChecker implements AccessChecker {

    private static final Map<SshAction, String> EXTENSIONS = Map.of(
            SshAction.LOCAL_PORT_FORWARDING, "permit-port-forwarding",
            SshAction.REMOTE_PORT_FORWARDING, "permit-port-forwarding",
            SshAction.AGENT_FORWARDING, "permit-agent-forwarding");

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        if (user.logins().isEmpty()) {
            return AccessDecision.deny(user.username() + "'s certificate names no login");
        }
        if (login == null) {
            return AccessDecision.allow(user.username() + "'s certificate allows logins " + logins(user) + " on "
                    + node.nodeName());
        }
        if (!user.logins().contains(login)) {
            return AccessDecision.deny("login \"" + login + "\" is not among the logins of " + user.username()
                    + "'s certificate (" + logins(user) + ")");
        }
        return AccessDecision.allow("login \"" + login + "\" is in " + user.username() + "'s certificate");
    }

    @Override
    public AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        String extension = EXTENSIONS.get(action);
        if (extension == null) {
            // file copy is part of a session: allowed wherever the login is
            return AccessDecision.allow(action + " comes with the session");
        }
        if (!user.extensions().contains(extension)) {
            return AccessDecision.deny(user.username() + "'s certificate does not carry " + extension);
        }
        return AccessDecision.allow(user.username() + "'s certificate carries " + extension);
    }

    private static String logins(SshUser user) {
        return String.join(", ", user.logins());
    }
}
