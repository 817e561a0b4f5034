package org.mezite.api.access;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides who may reach which node as which login. Deny by default: anything the implementation cannot show to be
 * allowed is denied. Callers audit every decision with its reason.
 */
@ProviderType
public interface AccessChecker {

    /**
     * Whether the user may open an SSH session on the node.
     *
     * @param login the Unix login asked for, or {@code null} when the caller cannot know it (a ProxyJump through the
     *              proxy carries only the node): then the question is whether the user may reach the node with some
     *              login, and the agent asks again with the login
     */
    AccessDecision checkLogin(SshUser user, String login, SshTarget node);

    /** Whether the user, already allowed on the node, may also do this there. */
    AccessDecision checkAction(SshUser user, SshAction action, SshTarget node);
}
