package org.mezite.rbac.internal;

import java.time.Duration;

import org.mezite.api.access.RecordSessionMode;

/**
 * A role's {@code spec.options} as written; {@code null} where the role does not set an option.
 *
 * @param maxSessionTtl         {@code max_session_ttl}
 * @param forwardAgent          {@code forward_agent}
 * @param portForwarding        {@code port_forwarding}
 * @param sshFileCopy           {@code ssh_file_copy}
 * @param clientIdleTimeout     {@code client_idle_timeout}
 * @param disconnectExpiredCert {@code disconnect_expired_cert}
 * @param maxSessions           {@code max_sessions} ({@code 0}: no limit)
 * @param recordSession         {@code record_session}
 */
record RoleOptions(Duration maxSessionTtl, Boolean forwardAgent, Boolean portForwarding, Boolean sshFileCopy,
        Duration clientIdleTimeout, Boolean disconnectExpiredCert, Integer maxSessions,
        RecordSessionMode recordSession) {

    static final RoleOptions NONE = new RoleOptions(null, null, null, null, null, null, null, null);
}
