package org.mezite.proxy.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.NewAuditEvent;

/**
 * {@code cert.create} audit events for the certificates a login hands out: what was signed for whom, with the serial
 * that later session events and revocations refer to. Certificates themselves are public; no key goes in here.
 */
final class CertificateAudit {

    static final String TYPE = "cert.create";

    private final AuditEventRepository events;
    private final Json json;

    CertificateAudit(AuditEventRepository events, Json json) {
        this.events = events;
        this.json = json;
    }

    void sshUserCertificate(String user, SshCertificate certificate, String clientAddr) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cert_type", "ssh_user");
        metadata.put("ca", certificate.signedBy().id());
        metadata.put("serial", Long.toUnsignedString(certificate.serial()));
        metadata.put("key_id", certificate.keyId());
        metadata.put("principals", certificate.principals());
        metadata.put("valid_after", certificate.validAfter().toString());
        metadata.put("valid_before", certificate.validBefore().toString());
        append(user, clientAddr, metadata);
    }

    void x509ClientCertificate(String user, IssuedX509Certificate certificate, String clientAddr) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cert_type", "x509_client");
        metadata.put("ca", "user");
        metadata.put("serial", certificate.certificate().getSerialNumber().toString(16));
        metadata.put("subject", certificate.certificate().getSubjectX500Principal().getName());
        metadata.put("valid_after", certificate.certificate().getNotBefore().toInstant().toString());
        metadata.put("valid_before", certificate.certificate().getNotAfter().toInstant().toString());
        append(user, clientAddr, metadata);
    }

    private void append(String user, String clientAddr, Map<String, Object> metadata) {
        events.append(NewAuditEvent.builder(TYPE, "success").username(user).clientAddr(clientAddr)
                .resource("user/" + user).action("login")
                .metadata(new String(json.write(metadata), StandardCharsets.UTF_8)).build());
    }
}
