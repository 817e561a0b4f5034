package org.mezite.api.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.store.Lock;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides who may reach which node as which login, and who may call which administrative API, from the roles of the
 * current {@link AccessPolicy}. Deny by default: anything no role allows is denied, and any matching deny wins over
 * every allow. A lock in force on the user, one of their roles, the login or the node denies too. Callers audit every
 * decision with its reason.
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

    /**
     * The options of all the user's roles, combined the safe way (see {@link SessionOptions}): what a session on the
     * node runs with (idle timeout, {@code max_sessions}, {@code disconnect_expired_cert}, {@code record_session}).
     */
    SessionOptions sessionOptions(SshUser user, SshTarget node);

    /**
     * The lock in force on this user, one of their roles, the login or the node, if any. Live sessions ask this
     * whenever the policy changes and end with the lock's message when there is one.
     *
     * @param login the session's login, or {@code null} when not known (the proxy of a ProxyJump)
     * @param node  the node, or {@code null} when not known yet
     */
    Optional<Lock> lockFor(SshUser user, String login, SshTarget node);

    /** What the roles allow a user overall: the logins and options to put in their certificates. */
    UserAccess userAccess(String username, List<String> roles, Map<String, List<String>> traits);

    /**
     * Whether the caller may do {@code verb} on {@code resource} (the roles' {@code rules}); operators may do
     * everything.
     *
     * @param resource e.g. {@code user}, {@code role}, {@code token}, {@code node}, {@code session}, {@code lock},
     *                 {@code cert_authority}, {@code audit}, {@code recording}, {@code cluster}
     * @param verb     {@code list}, {@code read}, {@code create}, {@code update}, {@code delete}
     */
    AccessDecision checkRule(Caller caller, String resource, String verb);
}
