package org.mezite.store.jpa.internal.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.mezite.api.store.AuditEvent;

/**
 * The hash that chains audit events: SHA-256 over the previous hash and every field of the event, each field written
 * with its length so that no two different events encode alike.
 */
final class AuditHash {

    /** The previous hash of the first event. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(AuditEvent e) {
        StringBuilder text = new StringBuilder(256);
        for (String field : new String[] {e.prevHash(), Long.toString(e.id()), Long.toString(e.time().toEpochMilli()),
                e.type(), e.code(), e.username(), e.login(), e.node(), e.sessionId(), e.clientAddr(), e.resource(),
                e.action(), e.result(), e.metadata()}) {
            if (field == null) {
                text.append("-;");
            } else {
                text.append(field.length()).append(':').append(field).append(';');
            }
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("this JVM has no SHA-256", e2);
        }
    }
}
