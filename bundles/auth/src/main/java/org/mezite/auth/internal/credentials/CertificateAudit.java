package org.mezite.auth.internal.credentials;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.store.NewAuditEvent;

/**
 * {@code cert.create} audit events for the certificates a user receives: what was signed for whom, with the serial
 * that later session events and revocations refer to. The event names the user who holds the certificate; the
 * {@code actor} in its metadata says who asked for it, and its action is {@code login} when that was the user and
 * {@code sign} when an administrator did. A refusal (a lock) is a {@code failure} with the error code and the reason
 * the user was given. Certificates themselves are public; no key goes in here.
 */
final class CertificateAudit {

    static final String TYPE = "cert.create";

    private final AuditRecorder events;

    CertificateAudit(AuditRecorder events) {
        this.events = events;
    }

    void sshUserCertificate(String user, SshCertificate certificate, String actor, String clientAddr) {
        append(user, actor, clientAddr, new AuditDetails()
                .put("cert_type", "ssh_user")
                .put("ca", certificate.signedBy().id())
                .put("serial", Long.toUnsignedString(certificate.serial()))
                .put("key_id", certificate.keyId())
                .put("principals", certificate.principals())
                .put("valid_after", certificate.validAfter().toString())
                .put("valid_before", certificate.validBefore().toString()));
    }

    void x509ClientCertificate(String user, IssuedX509Certificate certificate, String actor, String clientAddr) {
        append(user, actor, clientAddr, new AuditDetails()
                .put("cert_type", "x509_client")
                .put("ca", "user")
                .put("serial", certificate.certificate().getSerialNumber().toString(16))
                .put("subject", certificate.certificate().getSubjectX500Principal().getName())
                .put("valid_after", certificate.certificate().getNotBefore().toInstant().toString())
                .put("valid_before", certificate.certificate().getNotAfter().toInstant().toString()));
    }

    /**
     * Certificates refused to the user.
     *
     * @param error  the error code, e.g. {@code locked}
     * @param reason what the user is told, e.g. {@code locked (user=alice): security incident}
     */
    void refused(String user, String actor, String clientAddr, String error, String reason, AuditDetails details) {
        events.record(event(user, actor, clientAddr, "failure", details.put("success", false).put("error", error)
                .put("reason", reason)));
    }

    private void append(String user, String actor, String clientAddr, AuditDetails metadata) {
        events.record(event(user, actor, clientAddr, "success", metadata));
    }

    private static NewAuditEvent event(String user, String actor, String clientAddr, String result,
            AuditDetails metadata) {
        return NewAuditEvent.builder(TYPE, result).username(user).clientAddr(clientAddr)
                .resource("user/" + user).action(actor.equals(user) ? "login" : "sign")
                .metadata(metadata.put("actor", actor).toString()).build();
    }
}
