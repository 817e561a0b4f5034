package org.mezite.rbac.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.access.Caller;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.Traits;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access decisions from the roles and locks of the current {@link AccessPolicy}: the hub's store-backed source on the
 * hub, the policy streamed from Auth on an agent. Each new revision is compiled once and swapped in; decisions read
 * the compiled policy without locking. Every decision first compares the source's current revision with the compiled
 * one, because the proxy and the node ask about locks from their own subscriptions to the same source, which may be
 * called before this checker's: they must already see the policy they were told about.
 */
@Component(service = AccessChecker.class)
public final class RbacAccessChecker implements AccessChecker {

    private static final Logger LOG = LoggerFactory.getLogger(RbacAccessChecker.class);

    private final AccessPolicySource source;
    private final PolicyCompiler compiler;
    private final AtomicReference<PolicyEvaluator> current;
    private final AutoCloseable subscription;

    @Activate
    public RbacAccessChecker(@Reference AccessPolicySource source) {
        this(source, Clock.systemUTC());
    }

    RbacAccessChecker(AccessPolicySource source, Clock clock) {
        this.source = source;
        this.compiler = new PolicyCompiler(new RoleDocumentParser(), clock);
        // compiled before subscribing, so that an update cannot be overtaken by this first policy
        this.current = new AtomicReference<>(compiler.compile(source.current()));
        this.subscription = source.subscribe(this::update);
    }

    private void update(AccessPolicy policy) {
        evaluatorFor(policy);
    }

    /** The compiled form of the source's current policy. */
    private PolicyEvaluator evaluator() {
        return evaluatorFor(source.current());
    }

    private PolicyEvaluator evaluatorFor(AccessPolicy policy) {
        PolicyEvaluator compiled = current.get();
        if (policy.revision() == compiled.revision()) {
            return compiled;
        }
        PolicyEvaluator fresh = compiler.compile(policy);
        current.set(fresh);
        LOG.debug("Access policy revision {}: {} roles, {} locks", policy.revision(), policy.roles().size(),
                policy.locks().size());
        return fresh;
    }

    @Deactivate
    void deactivate() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("Could not unsubscribe from the access policy: {}", e.toString());
        }
    }

    @Override
    public AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        return evaluator().checkLogin(user, login, node);
    }

    @Override
    public AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        return evaluator().checkAction(user, action, node);
    }

    @Override
    public SessionOptions sessionOptions(SshUser user, SshTarget node) {
        return evaluator().options(user.roles()).options();
    }

    @Override
    public Optional<Lock> lockFor(SshUser user, String login, SshTarget node) {
        return evaluator().lockFor(user, login, node);
    }

    @Override
    public UserAccess userAccess(String username, List<String> roles, Map<String, List<String>> traits) {
        return evaluator().userAccess(username, roles == null ? List.of() : roles,
                Traits.copy(traits));
    }

    @Override
    public AccessDecision checkRule(Caller caller, String resource, String verb) {
        return evaluator().checkRule(caller, resource, verb);
    }
}
