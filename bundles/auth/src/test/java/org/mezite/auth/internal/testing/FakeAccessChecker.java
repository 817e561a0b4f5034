package org.mezite.auth.internal.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;

/**
 * What the roles allow, as the test sets it per user: the certificate side of RBAC ({@link #userAccess}) without the
 * RBAC bundle. Users the test did not set get the logins of their {@code logins} trait with default options. It
 * remembers what it was asked.
 */
public final class FakeAccessChecker implements AccessChecker {

    /** One {@link #userAccess} call. */
    public record Question(String username, List<String> roles, Map<String, List<String>> traits) {
    }

    private final Map<String, UserAccess> answers = new ConcurrentHashMap<>();
    private final List<Question> questions = new ArrayList<>();

    /** Combined role options with these values and the defaults for the rest. */
    public static SessionOptions options(Duration maxSessionTtl, boolean forwardAgent, boolean portForwarding) {
        return new SessionOptions(maxSessionTtl, forwardAgent, portForwarding, true, null, false, 0,
                RecordSessionMode.BEST_EFFORT);
    }

    public FakeAccessChecker allow(String username, List<String> logins, SessionOptions options) {
        answers.put(username, new UserAccess(username, List.of(), logins, options, Optional.empty(), List.of()));
        return this;
    }

    public FakeAccessChecker lock(String username, Lock lock) {
        answers.put(username, new UserAccess(username, List.of(), List.of(username),
                options(SessionOptions.DEFAULT_MAX_SESSION_TTL, false, false), Optional.of(lock), List.of()));
        return this;
    }

    public synchronized List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public UserAccess userAccess(String username, List<String> roles, Map<String, List<String>> traits) {
        synchronized (this) {
            questions.add(new Question(username, roles, traits));
        }
        UserAccess answer = answers.get(username);
        if (answer != null) {
            return answer;
        }
        return new UserAccess(username, roles, traits.getOrDefault("logins", List.of()),
                options(SessionOptions.DEFAULT_MAX_SESSION_TTL, false, false), Optional.empty(), List.of());
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
    public AccessDecision checkRule(Caller caller, String resource, String verb) {
        throw new UnsupportedOperationException();
    }
}
