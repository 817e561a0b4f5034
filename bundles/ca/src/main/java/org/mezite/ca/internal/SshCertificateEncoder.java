package org.mezite.ca.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.mezite.api.ca.SshCertificate;

/** Builds and signs OpenSSH certificates in the format of OpenSSH's PROTOCOL.certkeys (the v01 certificates). */
final class SshCertificateEncoder {

    static final int USER = 1;
    static final int HOST = 2;

    private final SecureRandom random;

    SshCertificateEncoder(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param type       {@link #USER} or {@link #HOST}
     * @param extensions by name in lexical order, as OpenSSH requires; an empty value is a flag
     */
    SshCertificate sign(CaKey ca, int type, SubjectPublicKey key, String keyId, List<String> principals,
            Instant validAfter, Instant validBefore, SortedMap<String, String> extensions) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        long serial = serial();
        byte[] body = new SshWriter()
                .string(key.certificateType())
                .string(nonce)
                .raw(key.keyFields())
                .uint64(serial)
                .uint32(type)
                .string(keyId)
                .stringList(principals)
                .uint64(validAfter.getEpochSecond())
                .uint64(validBefore.getEpochSecond())
                .options(Map.of()) // no critical options: each one is a restriction every server must understand
                .options(extensions)
                .string(new byte[0]) // reserved
                .string(ca.sshPublicKey())
                .toByteArray();
        byte[] certificate = new SshWriter().raw(body).string(ca.sshSignature(body)).toByteArray();
        String text = key.certificateType() + " " + Base64.getEncoder().encodeToString(certificate) + " " + keyId;
        return new SshCertificate(text, ca.type(), serial, keyId, principals, validAfter, validBefore, extensions);
    }

    /** Random and positive: 63 bits, which every tool prints alike (some take the 64-bit field as signed). */
    private long serial() {
        long serial;
        do {
            serial = random.nextLong() & Long.MAX_VALUE;
        } while (serial == 0);
        return serial;
    }
}
