package org.mezite.auth.internal.join;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.HostCertificateSigner;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.join.NodeRegistration;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.CaType;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.SessionRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Nodes joining and staying joined: a join checks the token, certifies the node's keys, uses the token up and
 * registers the node, in that order, so that a request with a bad key does not waste the token. Every join, good or
 * bad, is audited as {@code instance.join}; a renewal as {@code cert.create}.
 */
@Component(service = NodeEnrollment.class)
public final class NodeEnrollment {

    /** The organization (O) of a node's client certificate: what tells a node apart from a user or a proxy. */
    public static final String NODE_ORGANIZATION = "node";
    /** Asked for both certificates; the CA cuts it to its configured maximum (host_cert_max_ttl). */
    static final Duration CERTIFICATE_TTL = Duration.ofDays(30);

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final int MAX_AUDITED_LENGTH = 64;

    private final JoinTokenRedeemer tokens;
    private final NodeRegistry nodes;
    private final HostCertificateSigner hostSigner;
    private final X509CertificateIssuer x509;
    private final CertificateAuthorities authorities;
    private final JoinAudit audit;
    private final NodeAuditIntake nodeAudit;

    @Activate
    public NodeEnrollment(@Reference(name = "tokens") JoinTokenRedeemer tokens,
            @Reference(name = "nodes") NodeRegistry nodes,
            @Reference(name = "hostSigner") HostCertificateSigner hostSigner,
            @Reference(name = "x509") X509CertificateIssuer x509,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "audit") AuditRecorder audit,
            @Reference(name = "sessions") SessionRepository sessions) {
        this(tokens, nodes, hostSigner, x509, authorities, audit, sessions, Clock.systemUTC());
    }

    NodeEnrollment(JoinTokenRedeemer tokens, NodeRegistry nodes, HostCertificateSigner hostSigner,
            X509CertificateIssuer x509, CertificateAuthorities authorities, AuditRecorder audit,
            SessionRepository sessions, Clock clock) {
        this.tokens = tokens;
        this.nodes = nodes;
        this.hostSigner = hostSigner;
        this.x509 = x509;
        this.authorities = authorities;
        this.audit = new JoinAudit(audit, clock);
        this.nodeAudit = new NodeAuditIntake(audit, sessions, clock);
    }

    /**
     * @throws JoinRefusedException     when the token cannot be used
     * @throws IllegalArgumentException when the name, a label or a key is not acceptable; the message names the
     *                                  request field
     */
    public Enrollment join(JoinApplication application) {
        AuditDetails metadata = new AuditDetails().put("node_name", cut(application.nodeName()))
                .put("version", cut(application.version()));
        TokenHashes.canonicalToken(application.token())
                .ifPresent(token -> metadata.put("token_id", TokenHashes.id(TokenHashes.hash(token))));
        try {
            String name = nodeName(application.nodeName());
            Map<String, String> agentLabels = Labels.check("labels", application.labels());
            JoinTokenInfo token = tokens.check(application.token(), JoinTokenType.NODE);
            String nodeId = UUID.randomUUID().toString();
            NodeCertificates certificates = certify(nodeId, name, application.sshPublicKey(),
                    application.tlsPublicKey());
            tokens.redeem(application.token(), JoinTokenType.NODE);
            Map<String, String> labels = Labels.merge(agentLabels, token.labels());
            nodes.register(new NodeRegistration(nodeId, name, application.clientAddress(), labels));
            audit.nodeAction(JoinAudit.JOIN, nodeId, application.clientAddress(), null, metadata
                    .put("labels", labels).put("host_cert_serial", Long.toUnsignedString(certificates.host().serial()))
                    .put("tls_cert_serial", certificates.tls().certificate().getSerialNumber().toString(16)));
            return new Enrollment(nodeId, authorities.clusterName(), certificates, nodes.heartbeatInterval());
        } catch (JoinRefusedException e) {
            audit.nodeAction(JoinAudit.JOIN, null, application.clientAddress(), e.reason().code(), metadata);
            throw e;
        } catch (IllegalArgumentException e) {
            audit.nodeAction(JoinAudit.JOIN, null, application.clientAddress(), "invalid_request",
                    metadata.put("reason", e.getMessage()));
            throw e;
        }
    }

    /**
     * @throws NotFoundException when the node was removed
     */
    public void heartbeat(String nodeId) {
        try {
            nodes.heartbeat(nodeId);
        } catch (NotFoundException e) {
            throw removed(nodeId);
        }
    }

    /**
     * @throws NotFoundException when the node was removed
     */
    public void requireRegistered(String nodeId) {
        nodes.find(nodeId).orElseThrow(() -> removed(nodeId));
    }

    /**
     * Certifies a joined node's keys anew, under the name it joined with.
     *
     * @throws NotFoundException        when the node was removed
     * @throws IllegalArgumentException when a key is not acceptable
     */
    public NodeCertificates renew(String nodeId, String sshPublicKey, String tlsPublicKey, String clientAddress) {
        String name = nodes.find(nodeId).orElseThrow(() -> removed(nodeId)).name();
        NodeCertificates certificates = certify(nodeId, name, sshPublicKey, tlsPublicKey);
        audit.nodeAction(JoinAudit.CERT_CREATE, nodeId, clientAddress, null, new AuditDetails()
                .put("reason", "renewal").put("node_name", name)
                .put("host_cert_serial", Long.toUnsignedString(certificates.host().serial()))
                .put("tls_cert_serial", certificates.tls().certificate().getSerialNumber().toString(16)));
        return certificates;
    }

    /**
     * Stores the audit events a node reports about its sessions, under that node, and adds and ends its sessions in
     * the sessions table as they say.
     *
     * @throws NotFoundException        when the node was removed
     * @throws IllegalArgumentException when an event is of a type a node may not report; nothing is stored then
     */
    public int recordAudit(String nodeId, List<NewAuditEvent> events) {
        nodes.find(nodeId).orElseThrow(() -> new NotFoundException("node " + nodeId + " was removed from the"
                + " cluster"));
        return nodeAudit.store(nodeId, events);
    }

    public Duration heartbeatInterval() {
        return nodes.heartbeatInterval();
    }

    private NodeCertificates certify(String nodeId, String name, String sshPublicKey, String tlsPublicKey) {
        String cluster = authorities.clusterName();
        SshCertificate host;
        try {
            host = hostSigner.sign(new HostCertificateRequest(required("ssh_public_key", sshPublicKey), nodeId, name,
                    List.of(name + "." + cluster), CERTIFICATE_TTL));
        } catch (InvalidCertificateRequestException e) {
            throw invalidKey("ssh_public_key", e);
        }
        IssuedX509Certificate tls;
        try {
            tls = x509.issue(required("tls_public_key", tlsPublicKey), new X509CertificateRequest(CaType.HOST,
                    nodeId, List.of(NODE_ORGANIZATION), List.of(), List.of(), Set.of(TlsUsage.CLIENT),
                    CERTIFICATE_TTL));
        } catch (InvalidCertificateRequestException e) {
            throw invalidKey("tls_public_key", e);
        }
        return new NodeCertificates(host, tls, authorities.authority(CaType.USER).authorizedKey(),
                authorities.authority(CaType.HOST).certificatePem());
    }

    private static String nodeName(String name) {
        if (name == null || !NODE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("node_name: " + AuditDetails.quote(cut(String.valueOf(name)))
                    + " must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    /** The CA names its own field ({@code publicKey: ...}); the agent knows the request's. */
    private static IllegalArgumentException invalidKey(String field, InvalidCertificateRequestException e) {
        String problem = e.getMessage().startsWith("publicKey: ") ? e.getMessage().substring("publicKey: ".length())
                : e.getMessage();
        return new IllegalArgumentException(field + ": " + problem, e);
    }

    private static NotFoundException removed(String nodeId) {
        return new NotFoundException("node " + nodeId + " is not registered (it was removed);"
                + " join again with a new token");
    }

    private static String cut(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_AUDITED_LENGTH ? value : value.substring(0, MAX_AUDITED_LENGTH) + "...";
    }
}
