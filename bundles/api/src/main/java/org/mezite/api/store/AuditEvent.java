package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event of the audit log as stored. Events are chained: {@link #hash()} covers {@link #prevHash()} and every field,
 * so a changed, removed or inserted row breaks the chain (see {@link AuditEventRepository#verifyChain()}).
 *
 * @param id         position in the log, 1, 2, 3, ... without gaps
 * @param time       when it happened
 * @param type       event type, e.g. {@code user.login}, {@code session.start}
 * @param code       event code, or {@code null}
 * @param username   the Mezite user, or {@code null}
 * @param login      the Unix login, or {@code null}
 * @param node       the node, or {@code null}
 * @param sessionId  the session, or {@code null}
 * @param clientAddr the client address, or {@code null}
 * @param resource   what was acted on, or {@code null}
 * @param action     what was done, or {@code null}
 * @param result     outcome, e.g. {@code success}, {@code failure}, {@code denied}
 * @param metadata   further details as a JSON object
 * @param prevHash   the hash of the event before (64 zeros for the first)
 * @param hash       SHA-256 (hex) of this event and {@code prevHash}
 */
public record AuditEvent(long id, Instant time, String type, String code, String username, String login,
        String node, String sessionId, String clientAddr, String resource, String action, String result,
        String metadata, String prevHash, String hash) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(metadata, "metadata");
    }
}
