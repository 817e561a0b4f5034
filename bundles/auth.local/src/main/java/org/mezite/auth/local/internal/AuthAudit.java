package org.mezite.auth.local.internal;

import java.time.Clock;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.store.NewAuditEvent;

/**
 * The audit events of local users. Logins and signups name the user; administrative actions name the administrator
 * as {@code username} and the user as {@code resource} ({@code user/alice}). Failures carry an error code in the
 * metadata. Nothing here accepts a password, code, token or TOTP secret.
 */
final class AuthAudit {

    static final String LOGIN = "user.login";
    static final String SIGNUP = "user.signup";
    static final String CREATE = "user.create";
    static final String INVITE = "user.invite";
    static final String RESET = "user.reset";

    private final AuditRecorder events;
    private final Clock clock;

    AuthAudit(AuditRecorder events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * A login or signup attempt by the user themselves.
     *
     * @param username as typed (cut to a sensible length: it may be anything)
     * @param error    the error code, {@code null} for success
     * @param details  more metadata, or {@code null}
     */
    void attempt(String type, String username, String clientAddr, String error, AuditDetails details) {
        AuditDetails metadata = (details == null ? new AuditDetails() : details)
                .put("method", LocalAuthenticator.METHOD).put("success", error == null);
        append(NewAuditEvent.builder(type, error == null ? "success" : "failure")
                .username(username == null ? null : cut(username)).clientAddr(clientAddr), error, metadata);
    }

    /**
     * An administrator's action on a user.
     *
     * @param error   the error code, {@code null} for success
     * @param details more metadata, or {@code null}
     */
    void adminAction(String type, String actor, String username, String error, AuditDetails details) {
        AuditDetails metadata = (details == null ? new AuditDetails() : details).put("success", error == null);
        append(NewAuditEvent.builder(type, error == null ? "success" : "failure").username(actor)
                .resource("user/" + cut(username)), error, metadata);
    }

    private void append(NewAuditEvent.Builder event, String error, AuditDetails metadata) {
        if (error != null) {
            metadata.put("error", error);
        }
        events.record(event.time(clock.instant()).metadata(metadata.toString()).build());
    }

    private static String cut(String value) {
        return value.length() <= Usernames.MAX_LENGTH ? value : value.substring(0, Usernames.MAX_LENGTH) + "...";
    }
}
