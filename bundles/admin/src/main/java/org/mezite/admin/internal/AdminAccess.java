package org.mezite.admin.internal;

import java.time.Clock;
import java.time.Instant;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.Caller;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;

/**
 * The gate every administrative call passes: the caller's rules decide, and the decision is audited as one
 * {@code admin.access} event with its reason before anything is done. Changes are audited afterwards by type
 * ({@code role.update}, ...), naming the caller as {@code username} and what changed as {@code resource}
 * ({@code role/dev}).
 */
final class AdminAccess {

    static final String ACCESS = "admin.access";
    /** Names typed by callers can be anything: audit keeps this much of them. */
    static final int MAX_TARGET = 128;

    private final AccessChecker access;
    private final AuditRecorder audit;
    private final Clock clock;

    AdminAccess(AccessChecker access, AuditRecorder audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Asks whether the caller may do {@code verb} on {@code resource} and audits the answer.
     *
     * @param target the name or id acted on, or {@code null} (lists, or not known yet)
     * @throws AccessDeniedException with the reason when the caller's rules do not allow it
     */
    void check(Caller caller, String resource, String verb, String target) {
        AccessDecision decision = access.checkRule(caller, resource, verb);
        AuditDetails details = new AuditDetails().put("resource", resource).put("verb", verb)
                .put("operator", caller.operator()).put("roles", caller.roles()).put("reason", decision.reason())
                .put("success", decision.allowed());
        audit.record(NewAuditEvent.builder(ACCESS, decision.allowed() ? "success" : "failure").time(clock.instant())
                .username(caller.name()).resource(path(resource, target)).action(verb)
                .metadata(details.toString()).build());
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision.reason());
        }
    }

    /** Audits a change the caller made. */
    void changed(String type, Caller caller, String resource, String target, AuditDetails details) {
        audit.record(NewAuditEvent.builder(type, "success").time(clock.instant()).username(caller.name())
                .resource(path(resource, target)).metadata(details.put("success", true).toString()).build());
    }

    /** Audits a change to a session: the event carries its id, login and node as well. */
    void sessionChanged(String type, Caller caller, String sessionId, String login, String node,
            AuditDetails details) {
        audit.record(NewAuditEvent.builder(type, "success").time(clock.instant()).username(caller.name())
                .sessionId(sessionId).login(login).node(node).resource(path("session", sessionId))
                .metadata(details.put("success", true).toString()).build());
    }

    Instant now() {
        return clock.instant();
    }

    static String path(String resource, String target) {
        return target == null ? resource : resource + "/" + cut(target);
    }

    static String cut(String value) {
        return value.length() <= MAX_TARGET ? value : value.substring(0, MAX_TARGET) + "...";
    }
}
