package org.mezite.proxy.ssh.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.store.Lock;
import org.mezite.api.store.NewAuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's audit events. They are handed to the recorder on a background thread, in order: storing an event costs a
 * database write, which must not sit in a user's session setup nor block the SSH server's threads.
 */
final class ProxyAudit {

    static final String COMPONENT = "proxy";
    static final String RECORDING_ACCESS = "recording.access";
    static final String SUCCESS = "success";
    static final String DENIED = "denied";
    static final String FAILURE = "failure";
    private static final Logger LOG = LoggerFactory.getLogger(ProxyAudit.class);

    private final AuditRecorder recorder;
    private final Executor executor;

    ProxyAudit(AuditRecorder recorder, Executor executor) {
        this.recorder = recorder;
        this.executor = executor;
    }

    /** {@code ssh.auth} failure: a connection closed without an accepted certificate. */
    void authenticationFailed(AuthFailures failures, String clientAddress) {
        AuditDetails details = new AuditDetails().put("component", COMPONENT).put("reason", failures.reason())
                .put("ssh_user", failures.sshUser());
        if (failures.serial() != null) {
            details.put("cert_serial", Long.toUnsignedString(failures.serial()));
        }
        record(NewAuditEvent.builder("ssh.auth", "failure").username(failures.username()).clientAddr(clientAddress)
                .metadata(details.toString()).build());
    }

    /** {@code session.rejected}: the access check denied the user the node. */
    void rejected(SshUser user, String login, RegisteredNode node, String clientAddress, String reason) {
        record(NewAuditEvent.builder("session.rejected", "failure").username(user.username()).login(login)
                .node(node.id()).clientAddr(clientAddress)
                .metadata(details(user, node).put("reason", reason).toString()).build());
    }

    /** {@code proxy.connect}: the proxy connected the user to the node's SSH server. */
    void connected(SshUser user, String login, RegisteredNode node, String clientAddress, String via) {
        record(NewAuditEvent.builder("proxy.connect", "success").username(user.username()).login(login)
                .node(node.id()).clientAddr(clientAddress)
                .metadata(details(user, node).put("via", via).toString()).build());
    }

    /**
     * {@code lock.enforced}: a lock that appeared ended the user's connection.
     *
     * @param login the login of the route the lock applies to, or {@code null}
     * @param node  the node of the route the lock applies to, or {@code null} when it applies to the user
     */
    void lockEnforced(SshUser user, Lock lock, String login, SshTarget node, String clientAddress, String message) {
        AuditDetails details = new AuditDetails().put("component", COMPONENT).put("lock_id", lock.id())
                .put("lock_target", lock.target().toString()).put("reason", message)
                .put("cert_serial", Long.toUnsignedString(user.serial()));
        if (node != null) {
            details.put("node_name", node.nodeName());
        }
        record(NewAuditEvent.builder("lock.enforced", "success").username(user.username()).login(login)
                .node(node == null ? null : node.nodeId()).clientAddr(clientAddress)
                .resource("lock:" + lock.id()).action("connection.closed").metadata(details.toString()).build());
    }

    /**
     * {@code recording.access}: the user asked for the recording of a session; {@link #SUCCESS} when it was opened
     * for them, {@link #DENIED} when their roles do not allow it, {@link #FAILURE} when there is no such recording or
     * it cannot be read.
     *
     * @param reason    the access decision's reason, or what failed
     * @param recording the recording given, or {@code null}
     */
    void recordingAccess(SshUser user, String sessionId, String clientAddress, String result, String reason,
            RecordingInfo recording) {
        AuditDetails details = new AuditDetails().put("component", COMPONENT).put("reason", reason)
                .put("cert_serial", Long.toUnsignedString(user.serial()));
        if (recording != null) {
            details.put("recording_user", recording.username()).put("recording_login", recording.login())
                    .put("recording_node", recording.nodeName()).put("size_bytes", recording.sizeBytes())
                    .put("complete", recording.complete()).put("sink", recording.sink());
        }
        record(NewAuditEvent.builder(RECORDING_ACCESS, result).username(user.username()).sessionId(sessionId)
                .clientAddr(clientAddress).resource("session/" + sessionId).action("read")
                .metadata(details.toString()).build());
    }

    private static AuditDetails details(SshUser user, RegisteredNode node) {
        return new AuditDetails().put("component", COMPONENT).put("node_name", node.name())
                .put("cert_serial", Long.toUnsignedString(user.serial()));
    }

    private void record(NewAuditEvent event) {
        try {
            executor.execute(() -> store(event));
        } catch (RejectedExecutionException e) {
            store(event); // the proxy is stopping: record it here rather than lose it
        }
    }

    private void store(NewAuditEvent event) {
        try {
            recorder.record(event);
        } catch (RuntimeException e) {
            LOG.error("proxy-ssh: cannot record the audit event {} ({}) of {}: {}", event.type(), event.result(),
                    event.username(), e.getMessage(), e);
        }
    }
}
