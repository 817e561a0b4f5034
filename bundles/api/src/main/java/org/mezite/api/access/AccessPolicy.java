package org.mezite.api.access;

import java.util.List;
import java.util.Objects;

import org.mezite.api.store.Lock;
import org.mezite.api.store.Role;

/**
 * Everything access decisions depend on besides the user and the node: the role definitions, the locks in force
 * and the sessions an administrator ended. Auth reads it from the store; agents receive it from Auth and keep it.
 *
 * @param revision            changes whenever anything else changes, so that receivers can skip repeats
 * @param roles               every role
 * @param locks               the locks in force
 * @param terminatedSessions  sessions an administrator ended recently, which nodes must close
 */
public record AccessPolicy(long revision, List<Role> roles, List<Lock> locks,
        List<SessionTermination> terminatedSessions) {

    public AccessPolicy {
        roles = List.copyOf(roles);
        locks = List.copyOf(locks);
        terminatedSessions = List.copyOf(terminatedSessions);
    }

    public static final AccessPolicy EMPTY = new AccessPolicy(0, List.of(), List.of(), List.of());

    /**
     * A session an administrator ended.
     *
     * @param sessionId the node's session id
     * @param message   shown to the user
     */
    public record SessionTermination(String sessionId, String message) {

        public SessionTermination {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(message, "message");
        }
    }
}
