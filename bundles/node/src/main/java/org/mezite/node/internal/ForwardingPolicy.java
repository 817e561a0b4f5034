package org.mezite.node.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshAction;
import org.mezite.api.audit.AuditDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user may forward: {@code -L} and {@code -R} only with the certificate's {@code permit-port-forwarding} and
 * the access checker's consent, remote listeners on loopback only (sshd's {@code GatewayPorts no}) and on a
 * privileged port only for root; {@code -A} only with {@code permit-agent-forwarding} and consent; X11 never. Each
 * decision is audited as {@code port}.
 */
final class ForwardingPolicy implements ForwardingFilter {

    static final String PERMIT_PORT_FORWARDING = "permit-port-forwarding";
    static final String PERMIT_AGENT_FORWARDING = "permit-agent-forwarding";

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingPolicy.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1",
            "ip6-localhost");

    private final AccessChecker access;
    private final NodeAudit audit;
    private final UnixAccounts accounts;

    ForwardingPolicy(AccessChecker access, NodeAudit audit, UnixAccounts accounts) {
        this.access = access;
        this.audit = audit;
        this.accounts = accounts;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        if (type != Type.Direct) {
            return false;
        }
        return decide(session, "local", address.toString(), SshAction.LOCAL_PORT_FORWARDING,
                PERMIT_PORT_FORWARDING, null);
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        String host = address.getHostName();
        String refusal = null;
        if (!LOOPBACK.contains(host) && !host.startsWith("127.")) {
            refusal = "remote forwards listen on loopback only, not on \"" + host + "\"";
        } else if (address.getPort() > 0 && address.getPort() < 1024) {
            refusal = privilegedPortRefusal(session, address.getPort());
        }
        return decide(session, "remote", address.toString(), SshAction.REMOTE_PORT_FORWARDING,
                PERMIT_PORT_FORWARDING, refusal);
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return decide(session, "agent", requestType, SshAction.AGENT_FORWARDING, PERMIT_AGENT_FORWARDING, null);
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }

    private String privilegedPortRefusal(Session session, int port) {
        Connection connection = Connection.of(session);
        if (connection == null || connection.login() == null) {
            return "not authenticated";
        }
        try {
            Optional<UnixAccount> account = accounts.find(connection.login());
            if (account.isPresent() && account.get().isRoot()) {
                return null;
            }
        } catch (IOException e) {
            LOG.warn("cannot look up {}: {}", connection.login(), e.toString());
        }
        return "only root may listen on port " + port + " (below 1024)";
    }

    private boolean decide(Session session, String kind, String address, SshAction action, String extension,
            String refusal) {
        Connection connection = Connection.of(session);
        if (connection == null || !connection.isAuthenticated()) {
            return false;
        }
        String reason = refusal;
        if (reason == null && !connection.user().extensions().contains(extension)) {
            reason = connection.user().username() + "'s certificate does not carry " + extension;
        }
        if (reason == null) {
            AccessDecision decision = access.checkAction(connection.user(), action, connection.identity().target());
            if (!decision.allowed()) {
                reason = decision.reason();
            }
        }
        AuditDetails details = new AuditDetails().put("kind", kind).put("address", address);
        if (reason != null) {
            details.put("reason", reason);
            LOG.info("{} forward {} for {} refused: {}", kind, address, connection.user().username(), reason);
        }
        audit.event("port", reason == null ? NodeAudit.SUCCESS : NodeAudit.FAILURE, connection, connection.id(),
                details);
        return reason == null;
    }
}
