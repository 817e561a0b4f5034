package org.mezite.api.access;

import java.time.Duration;
import java.util.Objects;

/**
 * The role options of a user, combined across all their roles the safe way: the shortest TTL and idle timeout, the
 * lowest {@code max_sessions}, forwarding only if some role allows it and none denies it, file copy only if every
 * role allows it, {@code disconnect_expired_cert} and {@code record_session: strict} if any role sets them.
 *
 * @param maxSessionTtl         the longest a certificate may live
 * @param forwardAgent          whether {@code ssh -A} is allowed
 * @param portForwarding        whether {@code -L}/{@code -R}/{@code -D} are allowed
 * @param sshFileCopy           whether scp and sftp are allowed
 * @param clientIdleTimeout     how long a session may be idle before it is closed, or {@code null} for no limit
 * @param disconnectExpiredCert whether sessions end when the certificate expires
 * @param maxSessions           how many sessions one connection may open, {@code 0} for no limit
 * @param recordSession         what to do when the recording cannot be kept
 */
public record SessionOptions(Duration maxSessionTtl, boolean forwardAgent, boolean portForwarding,
        boolean sshFileCopy, Duration clientIdleTimeout, boolean disconnectExpiredCert, int maxSessions,
        RecordSessionMode recordSession) {

    /** The TTL when no role sets {@code max_session_ttl}, as in Teleport. */
    public static final Duration DEFAULT_MAX_SESSION_TTL = Duration.ofHours(12);

    public SessionOptions {
        Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
        Objects.requireNonNull(recordSession, "recordSession");
        if (maxSessions < 0) {
            throw new IllegalArgumentException("maxSessions must not be negative: " + maxSessions);
        }
    }
}
