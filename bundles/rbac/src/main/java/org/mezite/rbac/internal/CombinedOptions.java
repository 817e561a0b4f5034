package org.mezite.rbac.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.access.SessionOptions;

/**
 * The options of a user's roles combined the safe way, with the roles that decided each switch, for reasons: the
 * shortest {@code max_session_ttl} (12h when none sets it) and {@code client_idle_timeout}, the lowest positive
 * {@code max_sessions}, {@code forward_agent} and {@code port_forwarding} only if some role sets them true and none
 * false, {@code ssh_file_copy} unless some role sets it false, {@code disconnect_expired_cert} and
 * {@code record_session: strict} if any role sets them. An unusable role turns every switch off.
 *
 * @param options               the combined options
 * @param forwardAgentOn        a role setting {@code forward_agent: true}, or {@code null}
 * @param forwardAgentOff       a role setting {@code forward_agent: false}, or {@code null}
 * @param portForwardingOn      a role setting {@code port_forwarding: true}, or {@code null}
 * @param portForwardingOff     a role setting {@code port_forwarding: false}, or {@code null}
 * @param fileCopyOff           a role setting {@code ssh_file_copy: false}, or {@code null}
 * @param unusable              the first unusable role, or {@code null}
 */
record CombinedOptions(SessionOptions options, String forwardAgentOn, String forwardAgentOff,
        String portForwardingOn, String portForwardingOff, String fileCopyOff, CompiledRole unusable) {

    static CombinedOptions of(List<String> roleNames, Map<String, CompiledRole> roles) {
        Duration ttl = null;
        Duration idle = null;
        int maxSessions = 0;
        boolean disconnectExpiredCert = false;
        RecordSessionMode record = RecordSessionMode.BEST_EFFORT;
        String agentOn = null;
        String agentOff = null;
        String portOn = null;
        String portOff = null;
        String copyOff = null;
        CompiledRole unusable = null;
        for (String name : roleNames) {
            CompiledRole role = roles.get(name);
            if (role == null) {
                continue;
            }
            if (!role.usable()) {
                unusable = unusable == null ? role : unusable;
                continue;
            }
            RoleOptions o = role.options();
            if (o.maxSessionTtl() != null && (ttl == null || o.maxSessionTtl().compareTo(ttl) < 0)) {
                ttl = o.maxSessionTtl();
            }
            if (o.clientIdleTimeout() != null && (idle == null || o.clientIdleTimeout().compareTo(idle) < 0)) {
                idle = o.clientIdleTimeout();
            }
            if (o.maxSessions() != null && o.maxSessions() > 0 && (maxSessions == 0 || o.maxSessions() < maxSessions)) {
                maxSessions = o.maxSessions();
            }
            disconnectExpiredCert |= Boolean.TRUE.equals(o.disconnectExpiredCert());
            if (o.recordSession() == RecordSessionMode.STRICT) {
                record = RecordSessionMode.STRICT;
            }
            if (o.forwardAgent() != null) {
                if (o.forwardAgent()) {
                    agentOn = agentOn == null ? name : agentOn;
                } else {
                    agentOff = agentOff == null ? name : agentOff;
                }
            }
            if (o.portForwarding() != null) {
                if (o.portForwarding()) {
                    portOn = portOn == null ? name : portOn;
                } else {
                    portOff = portOff == null ? name : portOff;
                }
            }
            if (Boolean.FALSE.equals(o.sshFileCopy())) {
                copyOff = copyOff == null ? name : copyOff;
            }
        }
        boolean usable = unusable == null;
        SessionOptions options = new SessionOptions(ttl == null ? SessionOptions.DEFAULT_MAX_SESSION_TTL : ttl,
                usable && agentOn != null && agentOff == null, usable && portOn != null && portOff == null,
                usable && copyOff == null, idle, disconnectExpiredCert, maxSessions,
                usable ? record : RecordSessionMode.STRICT);
        return new CombinedOptions(options, agentOn, agentOff, portOn, portOff, copyOff, unusable);
    }
}
